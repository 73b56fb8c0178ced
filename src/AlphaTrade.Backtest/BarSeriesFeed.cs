using System.Globalization;
using AlphaTrade.Core;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Ports;
using AlphaTrade.Core.Time;
using System.Runtime.CompilerServices;

namespace AlphaTrade.Backtest;

/// <summary>
/// A historical feed over loaded <see cref="BarSeries"/>: merges the series into time steps (every symbol with a
/// bar at the earliest pending start), optionally within [from, to). Symbol ids follow the series order. Reads the
/// columns in place: nothing is copied or allocated per bar. Series must share one bar size and have strictly
/// ascending times (else <see cref="InputException"/>). Single consumer.
/// </summary>
public sealed class BarSeriesFeed : IMarketDataFeed
{
    private readonly BarSeries[] _series;
    private readonly int[] _cursor;
    private readonly int[] _end;
    private long _nextStart;

    /// <summary>Creates a feed; <paramref name="fromUtc"/> and <paramref name="toUtc"/> bound bar starts to [from, to).</summary>
    public BarSeriesFeed(IReadOnlyList<BarSeries> series, DateTime? fromUtc = null, DateTime? toUtc = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        _series = [.. series];
        if (_series.Length == 0)
        {
            throw new InputException("A backtest needs at least one bar series.");
        }

        TimeFrame = _series[0].TimeFrame;
        foreach (var s in _series)
        {
            if (s.TimeFrame != TimeFrame)
            {
                throw new InputException($"Bar series {s.Symbol} is {s.TimeFrame} but {_series[0].Symbol} is {TimeFrame}: one bar size per run.");
            }
        }

        var names = _series.Select(s => s.Symbol).ToList();
        var dup = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
        {
            throw new InputException($"Symbol {dup.Key} has two bar series.");
        }

        Symbols = new SymbolTable(names);
        _cursor = new int[_series.Length];
        _end = new int[_series.Length];
        long from = fromUtc?.Ticks ?? long.MinValue;
        long to = toUtc?.Ticks ?? long.MaxValue;
        for (int i = 0; i < _series.Length; i++)
        {
            var time = _series[i].Time;
            for (int j = 1; j < time.Length; j++)
            {
                if (time[j] <= time[j - 1])
                {
                    throw new InputException(string.Create(CultureInfo.InvariantCulture,
                        $"Bar series {_series[i].Symbol}: bar {j} starts at {new DateTime(time[j], DateTimeKind.Utc):O}, not after the previous bar ({new DateTime(time[j - 1], DateTimeKind.Utc):O})."));
                }
            }

            _cursor[i] = from == long.MinValue ? 0 : _series[i].LowerBound(from);
            _end[i] = to == long.MaxValue ? time.Length : _series[i].LowerBound(to);
        }

        _nextStart = ComputeNext();
    }

    /// <inheritdoc />
    public SymbolTable Symbols { get; }

    /// <inheritdoc />
    public TimeFrame TimeFrame { get; }

    /// <summary>Total bars the feed will deliver from now on.</summary>
    public long RemainingBars
    {
        get
        {
            long n = 0;
            for (int i = 0; i < _series.Length; i++)
            {
                n += _end[i] - _cursor[i];
            }

            return n;
        }
    }

    /// <inheritdoc />
    public bool TryPeekNextStart(out long startUtcTicks)
    {
        startUtcTicks = _nextStart;
        return _nextStart != long.MaxValue;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadNext(BarSlice destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        long t = _nextStart;
        if (t == long.MaxValue)
        {
            return false;
        }

        destination.Reset(t);
        long next = long.MaxValue;
        for (int i = 0; i < _series.Length; i++)
        {
            int c = _cursor[i];
            if (c >= _end[i])
            {
                continue;
            }

            var s = _series[i];
            var time = s.Time;
            if (time[c] == t)
            {
                destination.Add(i, s.Open[c], s.High[c], s.Low[c], s.Close[c], s.Volume[c], s.Flags[c]);
                c++;
                _cursor[i] = c;
                if (c >= _end[i])
                {
                    continue;
                }
            }

            long tc = time[c];
            if (tc < next)
            {
                next = tc;
            }
        }

        _nextStart = next;
        return true;
    }

    private long ComputeNext()
    {
        long next = long.MaxValue;
        for (int i = 0; i < _series.Length; i++)
        {
            if (_cursor[i] < _end[i])
            {
                next = Math.Min(next, _series[i].Time[_cursor[i]]);
            }
        }

        return next;
    }
}

using System.Globalization;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Data.Resampling;

/// <summary>What the resampler does with an input bar that lies outside every session of the calendar.</summary>
public enum OutOfSessionBars
{
    /// <summary>Skip it and count it in <see cref="ResampleResult.Dropped"/>.</summary>
    Drop,

    /// <summary>Throw an <see cref="InputException"/> naming the bar.</summary>
    Reject,
}

/// <summary>The outcome of one resampling call.</summary>
/// <param name="Written">Output bars written.</param>
/// <param name="Dropped">Input bars skipped because they lay outside every session.</param>
public readonly record struct ResampleResult(int Written, int Dropped);

/// <summary>
/// Aggregates intraday bars into larger session-aligned bars: 1/5/15-minute input into 15/30/60-minute or daily
/// output, or any target that is a whole multiple of the source size.
/// <para>
/// Buckets start at each session's open (09:30 New York) and step by the target size; the last bucket of a session
/// ends at the close, so it may be short (a 60-minute grid is 09:30, 10:30, …, 15:30, the last 30 minutes long) and
/// no bucket ever crosses a close, early closes included (the grid stops at 13:00). A daily bucket is the whole
/// session. Each output bar is stamped with its bucket START (UTC ticks).
/// </para>
/// <para>
/// Aggregation: open of the first input bar, highest high, lowest low, close of the last bar, summed volume;
/// VWAP is Σ(vwap·volume)/Σvolume over the bars that have a finite VWAP and positive volume (NaN when there are
/// none); trade count is the sum of the finite counts (NaN when none). Flags: <see cref="BarFlags.Filled"/> only
/// when every input bar was filled, other flags when any input bar had them. A bucket with no input bars produces
/// no output bar: gaps stay gaps (fill them before or after, by policy, not here).
/// </para>
/// <para>
/// Input must be strictly ascending and each bar must lie on the source grid counted from the session open and
/// end by the session close; a bar that lies outside every session (pre/post-market, a holiday, after an early
/// close) is dropped or rejected per <see cref="OutOfSessionBars"/>. One pass, O(n + sessions), and no
/// allocation per bar.
/// </para>
/// </summary>
public sealed class BarResampler
{
    /// <summary>Creates a resampler over <paramref name="calendar"/>.</summary>
    public BarResampler(ITradingCalendar calendar, OutOfSessionBars outOfSession = OutOfSessionBars.Drop)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!Enum.IsDefined(outOfSession))
        {
            throw new ArgumentOutOfRangeException(nameof(outOfSession), outOfSession, "Unknown out-of-session policy.");
        }

        Calendar = calendar;
        OutOfSession = outOfSession;
    }

    /// <summary>The calendar whose sessions define the buckets.</summary>
    public ITradingCalendar Calendar { get; }

    /// <summary>What happens to bars outside every session.</summary>
    public OutOfSessionBars OutOfSession { get; }

    /// <summary>Resamples <paramref name="source"/> into a new series of <paramref name="target"/> bars.</summary>
    public BarSeries Resample(BarSeries source, TimeFrame target)
    {
        ArgumentNullException.ThrowIfNull(source);
        var destination = new BarSeries(source.Symbol, target, 0, source.HasVwap, source.HasTradeCount);
        ResampleInto(source, target, destination);
        return destination;
    }

    /// <summary>
    /// Resamples <paramref name="source"/> into <paramref name="destination"/>, which is cleared first and whose
    /// buffers are reused; its time frame must be <paramref name="target"/>. VWAP and trade count are written when
    /// the destination has those columns (NaN when the source lacks them).
    /// </summary>
    public ResampleResult ResampleInto(BarSeries source, TimeFrame target, BarSeries destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            return Resample(BarSpans.Of(source), source.TimeFrame, target, destination);
        }
        catch (InputException ex)
        {
            throw new InputException($"{source.Symbol}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Resamples bars of size <paramref name="sourceFrame"/> held in <paramref name="source"/> into
    /// <paramref name="destination"/> (cleared first, buffers reused, time frame <paramref name="target"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The time frames do not fit (the target is not a whole multiple of an
    /// intraday source, or the destination has another time frame).</exception>
    /// <exception cref="InputException">Bars out of order or off the source grid, or outside every session under
    /// <see cref="OutOfSessionBars.Reject"/>.</exception>
    public ResampleResult Resample(BarSpans source, TimeFrame sourceFrame, TimeFrame target, BarSeries destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        CheckFrames(sourceFrame, target);
        if (destination.TimeFrame != target)
        {
            throw new ArgumentException($"The destination holds {destination.TimeFrame} bars, not {target}.", nameof(destination));
        }

        destination.Clear();
        int n = source.Length;
        if (n == 0)
        {
            return default;
        }

        // Size the output once (never more bars than input, nor than the sessions' grids hold), then write
        // columns directly.
        var sessions = SessionsCovering(source.Time[0], source.Time[n - 1]);
        long gridBars = 0;
        foreach (var s in sessions)
        {
            gridBars += s.BarCount(target);
        }

        destination.EnsureCapacity((int)Math.Min(n, gridBars));
        var aggregator = new Aggregator(destination, source.Vwap.Length > 0, source.TradeCount.Length > 0, source.Flags.Length > 0);

        long sourceStep = sourceFrame.Duration.Ticks;
        long targetStep = target.IsDaily ? long.MaxValue : target.Duration.Ticks;
        var time = source.Time;
        int si = 0;
        int dropped = 0;
        long previous = long.MinValue;
        for (int i = 0; i < n; i++)
        {
            long t = time[i];
            if (t <= previous)
            {
                throw new InputException(Invariant($"bars are not strictly ascending: bar {i} at {Stamp(t)} follows {Stamp(previous)}."));
            }

            previous = t;
            while (si < sessions.Length && sessions[si].CloseUtc.Ticks <= t)
            {
                si++;
            }

            if (si == sessions.Length || t < sessions[si].OpenUtc.Ticks || t + sourceStep > sessions[si].CloseUtc.Ticks)
            {
                if (OutOfSession == OutOfSessionBars.Reject)
                {
                    throw new InputException(Invariant($"bar {i} at {Stamp(t)} lies outside every {Calendar.Name} session."));
                }

                dropped++;
                continue;
            }

            long open = sessions[si].OpenUtc.Ticks;
            long offset = t - open;
            if (offset % sourceStep != 0)
            {
                throw new InputException(Invariant($"bar {i} at {Stamp(t)} is not on the {sourceFrame} grid that starts at the session open."));
            }

            long bucket = target.IsDaily ? open : open + (offset / targetStep * targetStep);
            aggregator.Add(bucket, in source, i);
        }

        int written = aggregator.Finish();
        return new ResampleResult(written, dropped);
    }

    /// <summary>Throws unless <paramref name="source"/> bars can be resampled to <paramref name="target"/>.</summary>
    public static void CheckFrames(TimeFrame source, TimeFrame target)
    {
        if (source.Minutes <= 0 || source.IsDaily)
        {
            throw new ArgumentException($"Resampling needs intraday source bars, got '{source}'.", nameof(source));
        }

        if (target.Minutes <= 0)
        {
            throw new ArgumentException("The target bar size is not set.", nameof(target));
        }

        if (!target.IsDaily && (target.Minutes < source.Minutes || target.Minutes % source.Minutes != 0))
        {
            throw new ArgumentException(
                $"Cannot resample {source} bars to {target}: the target must be a whole multiple of the source size.", nameof(target));
        }
    }

    private ReadOnlySpan<TradingSession> SessionsCovering(long firstUtcTicks, long lastUtcTicks)
    {
        var first = DateOnly.FromDateTime(Calendar.ToExchangeTime(new DateTime(firstUtcTicks, DateTimeKind.Utc)));
        var last = DateOnly.FromDateTime(Calendar.ToExchangeTime(new DateTime(lastUtcTicks, DateTimeKind.Utc)));

        // The NYSE calendar lends its shared table; any other calendar is copied once per call.
        return Calendar is NyseCalendar nyse ? nyse.SessionSpan(first, last) : Calendar.Sessions(first, last).ToArray();
    }

    private static string Stamp(long utcTicks) =>
        new DateTime(utcTicks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Running totals of the open bucket; writes each finished bucket straight into the destination columns.
    private ref struct Aggregator
    {
        private readonly BarSeries.BarColumns _out;
        private readonly BarSeries _destination;
        private readonly bool _vwapIn;
        private readonly bool _tradesIn;
        private readonly bool _flagsIn;
        private readonly bool _vwapOut;
        private readonly bool _tradesOut;
        private int _count;
        private bool _open;
        private long _bucket;
        private double _o, _h, _l, _c, _v, _priceVolume, _vwapVolume, _trades;
        private bool _anyTrades;
        private BarFlags _all, _any;

        public Aggregator(BarSeries destination, bool vwapIn, bool tradesIn, bool flagsIn)
        {
            _destination = destination;
            _out = destination.Columns;
            _vwapIn = vwapIn;
            _tradesIn = tradesIn;
            _flagsIn = flagsIn;
            _vwapOut = destination.HasVwap;
            _tradesOut = destination.HasTradeCount;
        }

        public void Add(long bucket, in BarSpans src, int i)
        {
            if (!_open || bucket != _bucket)
            {
                Flush();
                _open = true;
                _bucket = bucket;
                _o = src.Open[i];
                _h = src.High[i];
                _l = src.Low[i];
                _v = 0;
                _priceVolume = 0;
                _vwapVolume = 0;
                _trades = 0;
                _anyTrades = false;
                _all = _flagsIn ? src.Flags[i] : BarFlags.None;
                _any = BarFlags.None;
            }
            else
            {
                _h = Math.Max(_h, src.High[i]);
                _l = Math.Min(_l, src.Low[i]);
            }

            _c = src.Close[i];
            double volume = src.Volume[i];
            _v += volume;
            if (_vwapIn)
            {
                double w = src.Vwap[i];
                if (double.IsFinite(w) && volume > 0)
                {
                    _priceVolume += w * volume;
                    _vwapVolume += volume;
                }
            }

            if (_tradesIn && double.IsFinite(src.TradeCount[i]))
            {
                _trades += src.TradeCount[i];
                _anyTrades = true;
            }

            if (_flagsIn)
            {
                _all &= src.Flags[i];
                _any |= src.Flags[i];
            }
        }

        public int Finish()
        {
            Flush();
            _destination.SetCount(_count);
            return _count;
        }

        private void Flush()
        {
            if (!_open)
            {
                return;
            }

            int k = _count++;
            _out.Time[k] = _bucket;
            _out.Open[k] = _o;
            _out.High[k] = _h;
            _out.Low[k] = _l;
            _out.Close[k] = _c;
            _out.Volume[k] = _v;
            _out.Flags[k] = (_all & BarFlags.Filled) | (_any & ~BarFlags.Filled);
            if (_vwapOut)
            {
                _out.Vwap[k] = _vwapVolume > 0 ? _priceVolume / _vwapVolume : double.NaN;
            }

            if (_tradesOut)
            {
                _out.TradeCount[k] = _anyTrades ? _trades : double.NaN;
            }

            _open = false;
        }
    }
}

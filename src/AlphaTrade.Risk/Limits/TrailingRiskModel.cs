using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Risk.Limits;

/// <summary>
/// The VaR limit's covariance for a backtest without look-ahead: for each trading day, the sample covariance of the
/// close-to-close daily returns of the <see cref="WindowDays"/> days before it (New York dates; a symbol without a close
/// on a day keeps its previous close, i.e. a zero return). Days with fewer than <see cref="MinDays"/> returns behind
/// them get no model (the VaR check passes). Built once from the bars; <see cref="ModelFor"/> is cached per day.
/// </summary>
public sealed class TrailingRiskModel
{
    private readonly string[] _symbols;
    private readonly DateOnly[] _dates;
    private readonly double[][] _closes; // [symbol][date], carried forward
    private DateOnly _cachedDate;
    private RiskModel? _cached;
    private TaskCompletionSource<RiskModel?>?[]? _ahead;

    /// <summary>Prepares daily closes of <paramref name="bars"/> for models over <paramref name="windowDays"/> days.</summary>
    public TrailingRiskModel(IReadOnlyList<BarSeries> bars, int windowDays = 60, int minDays = 20)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentOutOfRangeException.ThrowIfLessThan(minDays, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, minDays);
        WindowDays = windowDays;
        MinDays = minDays;
        // One New York date conversion per day, not per bar: bars are in time order, so a day runs until the next midnight.
        var perSymbol = new List<(List<DateOnly> Dates, List<double> Closes)>(bars.Count);
        var dates = new HashSet<DateOnly>();
        foreach (var s in bars)
        {
            var days = new List<DateOnly>();
            var closes = new List<double>();
            var time = s.Time;
            var close = s.Close;
            long nextMidnight = long.MinValue;
            for (int i = 0; i < time.Length; i++)
            {
                if (time[i] >= nextMidnight)
                {
                    var local = UsEasternTime.ToEastern(new DateTime(time[i], DateTimeKind.Utc));
                    var d = DateOnly.FromDateTime(local);
                    nextMidnight = UsEasternTime.ToUtc(local.Date.AddDays(1)).Ticks;
                    days.Add(d);
                    closes.Add(close[i]);
                    dates.Add(d);
                }
                else
                {
                    closes[^1] = close[i];
                }
            }

            perSymbol.Add((days, closes));
        }

        _symbols = [.. bars.Select(b => b.Symbol)];
        _dates = [.. dates.Order()];
        var index = new Dictionary<DateOnly, int>(_dates.Length);
        for (int j = 0; j < _dates.Length; j++)
        {
            index[_dates[j]] = j;
        }

        _closes = new double[_symbols.Length][];
        for (int k = 0; k < _symbols.Length; k++)
        {
            var c = new double[_dates.Length];
            c.AsSpan().Fill(double.NaN);
            var (days, closes) = perSymbol[k];
            for (int j = 0; j < days.Count; j++)
            {
                c[index[days[j]]] = closes[j];
            }

            // Carry the last close over days without one.
            for (int j = 1; j < c.Length; j++)
            {
                c[j] = double.IsNaN(c[j]) ? c[j - 1] : c[j];
            }

            _closes[k] = c;
        }
    }

    /// <summary>Daily returns in each model at most.</summary>
    public int WindowDays { get; }

    /// <summary>Fewest daily returns for a model.</summary>
    public int MinDays { get; }

    /// <summary>
    /// Starts computing the model of every day of the data on a background thread, in date order, so that
    /// <see cref="ModelFor"/> finds them made (a backtest knows its days; each model still uses only the days before
    /// its own, the same computation as on demand). Call once, before the first <see cref="ModelFor"/>.
    /// </summary>
    public void PrecomputeInBackground()
    {
        if (_ahead is not null)
        {
            return;
        }

        var ahead = new TaskCompletionSource<RiskModel?>?[_dates.Length];
        for (int j = 0; j < ahead.Length; j++)
        {
            ahead[j] = new TaskCompletionSource<RiskModel?>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _ahead = ahead;
        var work = (TaskCompletionSource<RiskModel?>[])ahead.Clone(); // ModelFor clears the slots it takes, not these
        _ = Task.Run(() =>
        {
            for (int j = 0; j < work.Length; j++)
            {
                try
                {
                    work[j].SetResult(Compute(_dates[j]));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    work[j].SetException(ex);
                }
            }
        });
    }

    /// <summary>The model for trading on <paramref name="date"/>, from the days strictly before it; null when too few.</summary>
    public RiskModel? ModelFor(DateOnly date)
    {
        if (date == _cachedDate && _cached is not null)
        {
            return _cached;
        }

        int day = _ahead is null ? -1 : Array.BinarySearch(_dates, date);
        var made = day >= 0 ? _ahead![day] : null;
        if (made is not null)
        {
            _ahead![day] = null; // taken: a day's model is held once, by the cache below
        }

        var model = made is not null ? made.Task.GetAwaiter().GetResult() : Compute(date);
        _cachedDate = date;
        _cached = model;
        return model;
    }

    // The model from the days strictly before date; reads only what the constructor built (safe on another thread).
    private RiskModel? Compute(DateOnly date)
    {
        int end = Array.BinarySearch(_dates, date);
        end = end >= 0 ? end : ~end; // first index at or after the date: only earlier days are used
        int start = Math.Max(0, end - WindowDays - 1);
        var symbols = new List<string>();
        var columns = new List<double[]>();
        for (int k = 0; k < _symbols.Length; k++)
        {
            var c = _closes[k];
            int from = start;
            while (from < end && !(c[from] > 0))
            {
                from++; // before the symbol's first close
            }

            if (end - from - 1 < MinDays)
            {
                continue;
            }

            // All columns need one length: use the common window of the symbols that have it.
            symbols.Add(_symbols[k]);
            columns.Add(c);
        }

        RiskModel? model = null;
        if (symbols.Count > 0)
        {
            int n = end - start - 1;
            var returns = new List<double[]>(columns.Count);
            foreach (var c in columns)
            {
                var r = new double[n];
                for (int j = 0; j < n; j++)
                {
                    double a = c[start + j], b = c[start + j + 1];
                    r[j] = a > 0 && b > 0 ? (b / a) - 1.0 : 0.0;
                }

                returns.Add(r);
            }

            model = n >= MinDays ? new RiskModel(symbols, Covariance.Sample(returns)) : null;
        }

        return model;
    }
}

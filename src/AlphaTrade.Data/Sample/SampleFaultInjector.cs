using System.Globalization;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Data.Sample;

/// <summary>
/// Plants data faults in copies of the clean series, each on its own (symbol, day) away from the crash, jumps and
/// the benchmark, and records where. Point faults edit a bar's values; structural faults remove, insert or swap rows.
/// </summary>
internal sealed class SampleFaultInjector
{
    // How many of each kind to plant.
    private static readonly (SampleFaultKind Kind, int Count)[] Plan =
    [
        (SampleFaultKind.UnadjustedSplit, 1),
        (SampleFaultKind.DuplicateExact, 3),
        (SampleFaultKind.DuplicateConflicting, 2),
        (SampleFaultKind.MissingBars, 3),
        (SampleFaultKind.MissingHalfDay, 1),
        (SampleFaultKind.Spike, 3),
        (SampleFaultKind.OutOfOrder, 2),
        (SampleFaultKind.OhlcInconsistent, 2),
        (SampleFaultKind.NonPositivePrice, 1),
        (SampleFaultKind.NegativeVolume, 1),
        (SampleFaultKind.PreMarketBars, 1),
        (SampleFaultKind.PostMarketBars, 1),
    ];

    private const int PreMarketBarCount = 4;
    private const int PostMarketBarCount = 3;
    private const double SplitRatio = 2.0;

    private readonly SessionGrid _grid;
    private readonly TimeFrame _timeFrame;
    private readonly SampleRandom _rng;

    /// <summary>Creates an injector over <paramref name="grid"/> drawing from <paramref name="rng"/>.</summary>
    public SampleFaultInjector(SessionGrid grid, TimeFrame timeFrame, SampleRandom rng)
    {
        _grid = grid;
        _timeFrame = timeFrame;
        _rng = rng;
    }

    /// <summary>
    /// Returns the delivered series (a faulted copy where a symbol got faults, else the clean object) and the faults,
    /// ordered by symbol (universe order) then time.
    /// </summary>
    /// <param name="clean">Clean series; the first <paramref name="universeCount"/> are eligible, the benchmark after them is not.</param>
    /// <param name="universeCount">Number of universe symbols.</param>
    /// <param name="protectedDays">Day indices no fault may touch (the crash and its neighbours).</param>
    /// <param name="jumps">Real jumps; their (symbol, day) stay clean so jumps and spikes never mix.</param>
    /// <param name="pairs">Planted pairs; their legs never get the unadjusted split.</param>
    public (IReadOnlyList<BarSeries> Delivered, IReadOnlyList<SampleFault> Faults) Inject(IReadOnlyList<BarSeries> clean, int universeCount,
        HashSet<int> protectedDays, IReadOnlyList<SampleJump> jumps, IReadOnlyList<SamplePair> pairs)
    {
        var edits = new SymbolEdits?[clean.Count];
        var faults = new List<(int Symbol, SampleFault Fault)>();
        var used = new HashSet<(int Symbol, int Day)>();
        var symbolIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < universeCount; i++)
        {
            symbolIndex[clean[i].Symbol] = i;
        }

        foreach (var j in jumps)
        {
            if (symbolIndex.TryGetValue(j.Symbol, out int si))
            {
                used.Add((si, DayOf(j.TimeUtc.Ticks)));
            }
        }

        var pairLegs = new HashSet<string>(pairs.SelectMany(p => new[] { p.SymbolA, p.SymbolB }), StringComparer.Ordinal);
        int fullBars = _grid.FullDayBars;
        bool intraday = fullBars >= 8;
        foreach (var (kind, n) in Plan)
        {
            if (!intraday && kind is SampleFaultKind.MissingHalfDay or SampleFaultKind.PreMarketBars or SampleFaultKind.PostMarketBars)
            {
                continue;
            }

            for (int rep = 0; rep < n; rep++)
            {
                if (!TryPickPlace(clean, universeCount, protectedDays, used, kind, pairLegs, out int s, out int day))
                {
                    continue;
                }

                var e = edits[s] ??= new SymbolEdits(clean[s]);
                var fault = Apply(e, clean[s].Symbol, kind, day);
                faults.Add((s, fault));
            }
        }

        var delivered = new BarSeries[clean.Count];
        for (int i = 0; i < clean.Count; i++)
        {
            delivered[i] = edits[i]?.Build() ?? clean[i];
        }

        var ordered = faults.OrderBy(f => f.Symbol).ThenBy(f => f.Fault.TimeUtc).Select(f => f.Fault).ToList();
        return (delivered, ordered);
    }

    private bool TryPickPlace(IReadOnlyList<BarSeries> clean, int universeCount, HashSet<int> protectedDays, HashSet<(int, int)> used,
        SampleFaultKind kind, HashSet<string> pairLegs, out int symbol, out int day)
    {
        int days = _grid.Days;
        for (int attempt = 0; attempt < 500; attempt++)
        {
            symbol = _rng.NextInt(universeCount);
            if (kind == SampleFaultKind.UnadjustedSplit)
            {
                if (pairLegs.Contains(clean[symbol].Symbol))
                {
                    continue;
                }

                day = _rng.NextInt(Math.Max(1, (int)(days * 0.3)), Math.Max(2, (int)(days * 0.7)));
            }
            else
            {
                day = _rng.NextInt(1, Math.Max(2, days - 1));
            }

            if (day <= 0 || day >= days - 1 || protectedDays.Contains(day) || used.Contains((symbol, day))
                || _grid.DayStart[day + 1] - _grid.DayStart[day] != _grid.FullDayBars)
            {
                continue;
            }

            if (kind == SampleFaultKind.UnadjustedSplit && (used.Contains((symbol, day - 1)) || protectedDays.Contains(day - 1)))
            {
                continue;
            }

            used.Add((symbol, day));
            if (kind == SampleFaultKind.UnadjustedSplit)
            {
                used.Add((symbol, day - 1));
            }

            return true;
        }

        symbol = -1;
        day = -1;
        return false;
    }

    private SampleFault Apply(SymbolEdits e, string symbol, SampleFaultKind kind, int day)
    {
        int start = _grid.DayStart[day];
        int n = _grid.DayStart[day + 1] - start;
        int Mid(int lo, int hiExclusive)
        {
            lo = Math.Clamp(lo, 0, n - 1);
            return start + _rng.NextInt(lo, Math.Clamp(hiExclusive, lo + 1, n));
        }

        DateTime T(int g) => new(_grid.Times[g], DateTimeKind.Utc);
        switch (kind)
        {
            case SampleFaultKind.UnadjustedSplit:
            {
                for (int g = 0; g < start; g++)
                {
                    e.Open[g] = BarSynthesizer.Cents(e.Open[g] * SplitRatio);
                    e.High[g] = BarSynthesizer.Cents(e.High[g] * SplitRatio);
                    e.Low[g] = BarSynthesizer.Cents(e.Low[g] * SplitRatio);
                    e.Close[g] = BarSynthesizer.Cents(e.Close[g] * SplitRatio);
                    e.Volume[g] = Math.Max(1.0, Math.Round(e.Volume[g] / SplitRatio));
                }

                return new SampleFault(symbol, T(start), kind, start, SplitRatio,
                    Text($"bars before this one are not adjusted for a {SplitRatio:0}:1 split (prices x{SplitRatio:0}, volumes /{SplitRatio:0})"));
            }

            case SampleFaultKind.DuplicateExact:
            {
                int g = Mid(1, n - 1);
                e.InsertAfter(g, new Row(e.Time[g], e.Open[g], e.High[g], e.Low[g], e.Close[g], e.Volume[g]));
                return new SampleFault(symbol, T(g), kind, 1, e.Close[g], "row repeated identically");
            }

            case SampleFaultKind.DuplicateConflicting:
            {
                int g = Mid(1, n - 1);
                double shift = _rng.Uniform(0.002, 0.01) * (_rng.Bernoulli(0.5) ? 1 : -1);
                double c = BarSynthesizer.Cents(e.Close[g] * (1 + shift));
                double v = Math.Round(e.Volume[g] * _rng.Uniform(0.3, 0.9));
                e.InsertAfter(g, new Row(e.Time[g], e.Open[g], Math.Max(e.High[g], c), Math.Min(e.Low[g], c), c, v));
                return new SampleFault(symbol, T(g), kind, 1, c, Text($"second row with close {c:0.00} (vs {e.Close[g]:0.00}) and volume {v:0}"));
            }

            case SampleFaultKind.MissingBars:
            {
                int len = 1 + _rng.NextInt(3);
                int g = Mid(2, n - 1 - len);
                for (int i = 0; i < len; i++)
                {
                    e.Remove(g + i);
                }

                return new SampleFault(symbol, T(g), kind, len, len, Text($"{len} bar(s) missing"));
            }

            case SampleFaultKind.MissingHalfDay:
            {
                int from = start + (n / 2);
                int len = start + n - from;
                for (int g = from; g < start + n; g++)
                {
                    e.Remove(g);
                }

                return new SampleFault(symbol, T(from), kind, len, len, Text($"afternoon missing: last {len} bars of the session"));
            }

            case SampleFaultKind.Spike:
            {
                int g = Mid(1, n - 2);
                double rel = _rng.Uniform(0.08, 0.2) * (_rng.Bernoulli(0.5) ? 1 : -1);
                double c = BarSynthesizer.Cents(e.Close[g] * (1 + rel));
                e.Close[g] = c;
                e.High[g] = Math.Max(e.High[g], c);
                e.Low[g] = Math.Min(e.Low[g], c);
                return new SampleFault(symbol, T(g), kind, 1, rel, Text($"bad tick: close {c:0.00} ({rel:+0.0%;-0.0%}), next bar back at the true level"));
            }

            case SampleFaultKind.OutOfOrder:
            {
                int g = Mid(1, n - 2);
                e.SwapWithNext(g);
                return new SampleFault(symbol, T(g), kind, 2, 0, "this row is written after the next one");
            }

            case SampleFaultKind.OhlcInconsistent:
            {
                int g = Mid(1, n - 1);
                double hi = BarSynthesizer.Cents(Math.Max(e.Open[g], e.Close[g]) * (1 - _rng.Uniform(0.003, 0.01)));
                e.High[g] = hi;
                return new SampleFault(symbol, T(g), kind, 1, hi, Text($"high {hi:0.00} below max(open, close)"));
            }

            case SampleFaultKind.NonPositivePrice:
            {
                int g = Mid(1, n - 1);
                e.Close[g] = 0;
                e.Low[g] = 0;
                return new SampleFault(symbol, T(g), kind, 1, 0, "close and low written as 0.00");
            }

            case SampleFaultKind.NegativeVolume:
            {
                int g = Mid(1, n - 1);
                e.Volume[g] = -e.Volume[g];
                return new SampleFault(symbol, T(g), kind, 1, e.Volume[g], Text($"volume written as {e.Volume[g]:0}"));
            }

            case SampleFaultKind.PreMarketBars:
            {
                long step = _timeFrame.Duration.Ticks;
                long t0 = _grid.Sessions[day].OpenUtc.Ticks - (PreMarketBarCount * step);
                var rows = OffSessionRows(e, start - 1, t0, step, PreMarketBarCount, e.Volume[start]);
                e.InsertBefore(start, rows);
                return new SampleFault(symbol, new DateTime(t0, DateTimeKind.Utc), kind, PreMarketBarCount, PreMarketBarCount,
                    Text($"{PreMarketBarCount} pre-market bars before the open"));
            }

            case SampleFaultKind.PostMarketBars:
            {
                long step = _timeFrame.Duration.Ticks;
                long t0 = _grid.Sessions[day].CloseUtc.Ticks;
                int last = start + n - 1;
                var rows = OffSessionRows(e, last, t0, step, PostMarketBarCount, e.Volume[last]);
                foreach (var r in rows.AsEnumerable().Reverse())
                {
                    e.InsertAfter(last, r);
                }

                return new SampleFault(symbol, new DateTime(t0, DateTimeKind.Utc), kind, PostMarketBarCount, PostMarketBarCount,
                    Text($"{PostMarketBarCount} post-market bars from the close"));
            }

            default:
                throw new InvalidOperationException("Unknown fault kind.");
        }
    }

    private Row[] OffSessionRows(SymbolEdits e, int refBar, long t0, long step, int count, double refVolume)
    {
        var rows = new Row[count];
        double price = e.Close[Math.Max(0, refBar)];
        for (int i = 0; i < count; i++)
        {
            double o = price;
            double c = BarSynthesizer.Cents(o * Math.Exp(0.001 * _rng.Normal()));
            double h = BarSynthesizer.Cents(Math.Max(o, c) * (1 + (0.0005 * _rng.NextDouble())));
            double l = BarSynthesizer.Cents(Math.Min(o, c) * (1 - (0.0005 * _rng.NextDouble())));
            double v = Math.Max(1, Math.Round(refVolume * _rng.Uniform(0.01, 0.05)));
            rows[i] = new Row(t0 + (i * step), o, Math.Max(h, Math.Max(o, c)), Math.Min(l, Math.Min(o, c)), c, v);
            price = c;
        }

        return rows;
    }

    private int DayOf(long ticks)
    {
        int g = Array.BinarySearch(_grid.Times, ticks);
        if (g < 0)
        {
            g = Math.Max(0, ~g - 1);
        }

        int d = Array.BinarySearch(_grid.DayStart, g);
        return d >= 0 ? Math.Min(d, _grid.Days - 1) : ~d - 1;
    }

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>One raw row.</summary>
    private readonly record struct Row(long Time, double Open, double High, double Low, double Close, double Volume);

    /// <summary>A symbol's pending edits: value copies of the clean columns plus removals, insertions and swaps.</summary>
    private sealed class SymbolEdits
    {
        private readonly BarSeries _clean;
        private readonly HashSet<int> _removed = [];
        private readonly HashSet<int> _swapped = [];
        private readonly Dictionary<int, List<Row>> _after = [];
        private readonly Dictionary<int, List<Row>> _before = [];

        public SymbolEdits(BarSeries clean)
        {
            _clean = clean;
            Time = clean.Time.ToArray();
            Open = clean.Open.ToArray();
            High = clean.High.ToArray();
            Low = clean.Low.ToArray();
            Close = clean.Close.ToArray();
            Volume = clean.Volume.ToArray();
        }

        public long[] Time { get; }

        public double[] Open { get; }

        public double[] High { get; }

        public double[] Low { get; }

        public double[] Close { get; }

        public double[] Volume { get; }

        public void Remove(int g) => _removed.Add(g);

        public void SwapWithNext(int g) => _swapped.Add(g);

        public void InsertAfter(int g, Row row)
        {
            if (!_after.TryGetValue(g, out var list))
            {
                _after[g] = list = [];
            }

            list.Insert(0, row);
        }

        public void InsertBefore(int g, Row[] rows)
        {
            if (!_before.TryGetValue(g, out var list))
            {
                _before[g] = list = [];
            }

            list.AddRange(rows);
        }

        public BarSeries Build()
        {
            int n = Time.Length;
            var s = new BarSeries(_clean.Symbol, _clean.TimeFrame, n + 16);
            for (int g = 0; g < n; g++)
            {
                if (_before.TryGetValue(g, out var pre))
                {
                    foreach (var r in pre)
                    {
                        s.Add(r.Time, r.Open, r.High, r.Low, r.Close, r.Volume);
                    }
                }

                if (_swapped.Contains(g) && g + 1 < n)
                {
                    Emit(s, g + 1);
                    Emit(s, g);
                    g++;
                    continue;
                }

                Emit(s, g);
            }

            return s;
        }

        private void Emit(BarSeries s, int g)
        {
            if (!_removed.Contains(g))
            {
                s.Add(Time[g], Open[g], High[g], Low[g], Close[g], Volume[g]);
            }

            if (_after.TryGetValue(g, out var post))
            {
                foreach (var r in post)
                {
                    s.Add(r.Time, r.Open, r.High, r.Low, r.Close, r.Volume);
                }
            }
        }
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using AlphaTrade.Backtest.Venue;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Engine;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Portfolio;
using AlphaTrade.Engine.Results;
using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Backtest.Vectorized;

/// <summary>Everything a vectorized run needs.</summary>
public sealed class VectorizedSpec
{
    /// <summary>Aligned bars.</summary>
    public required AlignedBars Bars { get; init; }

    /// <summary>
    /// Target weights of equity, rows × symbols row-major (same shape as <see cref="Bars"/>). A symbol trades when its
    /// weight differs from its previous row's (starting from 0) on a row where it has a bar; otherwise it drifts.
    /// </summary>
    public required ReadOnlyMemory<double> TargetWeights { get; init; }

    /// <summary>Exchange calendar.</summary>
    public required ITradingCalendar Calendar { get; init; }

    /// <summary>Starting cash.</summary>
    public decimal InitialCapital { get; init; } = 1_000_000m;

    /// <summary>Buying-power rules (orders beyond them are rejected, as in the event engine).</summary>
    public MarginPolicy Margin { get; init; } = MarginPolicy.RegT;

    /// <summary>Cost settings (used unless <see cref="CostModels"/> is set).</summary>
    public CostOptions Costs { get; init; } = CostOptions.Default;

    /// <summary>
    /// Custom cost models, overriding <see cref="Costs"/>. Runs with custom models take the decimal accounting path; runs
    /// with <see cref="Costs"/> the exact scaled-integer one (same results, several times faster).
    /// </summary>
    public CostModels? CostModels { get; init; }

    /// <summary>Venue options (the participation cap and statistics span apply; touch fills do not arise).</summary>
    public VenueOptions Venue { get; init; } = new();

    /// <summary>Told at every session close how far the run has come; null for none.</summary>
    public IProgress<RunProgress>? Progress { get; init; }

    /// <summary>Name of the single strategy book.</summary>
    public string StrategyName { get; init; } = "vectorized";
}

/// <summary>
/// The vectorized engine for parameter sweeps: from a matrix of target weights to market orders filled at the next
/// tradable bar's open, positions and equity, with the same cost models, fill pricing, ledger, session timeline and
/// financing accruals as the event-driven engine. Per cell it does only double work (weight comparison, mark, equity
/// dot product); money work happens at orders, fills and session closes. With the participation cap off, the
/// reference crossover gives the event engine's trades and equity exactly.
/// <para>
/// Two accounting paths give identical results (every decimal equal in value and scale, every double equal): with the
/// built-in cost models (<see cref="VectorizedSpec.Costs"/>) the run books in <see cref="ExactBooks"/>, which does the
/// ledger's, the cost models' and the recorder's decimal arithmetic on 64-bit scaled integers (<see cref="ScaledAmount"/>)
/// and builds the decimal report records only when read; with custom <see cref="VectorizedSpec.CostModels"/> it books in
/// the shared decimal <see cref="Ledger"/> and <see cref="RunRecorder"/>. A run whose amounts leave the exact integer range
/// (far beyond any realistic account) is redone on the decimal path (progress is then reported again from the start).
/// </para>
/// </summary>
public static class VectorizedBacktester
{
    /// <summary>Runs <paramref name="spec"/>.</summary>
    public static RunResult Run(VectorizedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var bars = spec.Bars;
        if (spec.TargetWeights.Length != bars.Cells)
        {
            throw new ArgumentException($"Target weights hold {spec.TargetWeights.Length} cells; the bars have {bars.Rows} rows × {bars.Columns} symbols.", nameof(spec));
        }

        if (ExactBooks.TryCreate(spec) is { } exact)
        {
            try
            {
                return new Simulation(spec, exact).Execute();
            }
            catch (OverflowException)
            {
                // An amount left the exact 64-bit range: the decimal path gives the result (or the same error).
                Interlocked.Increment(ref _exactFallbacks);
            }
        }

        return new Simulation(spec, null).Execute();
    }

    private static int _exactFallbacks;

    /// <summary>Runs that started on the exact path and were redone on the decimal path (for benchmarks and tests).</summary>
    internal static int ExactFallbacks => Volatile.Read(ref _exactFallbacks);

    /// <summary>Runs <paramref name="spec"/> on the decimal accounting path (without progress reports).</summary>
    internal static RunResult RunOnDecimalPath(VectorizedSpec spec) => new Simulation(new VectorizedSpec
    {
        Bars = spec.Bars,
        TargetWeights = spec.TargetWeights,
        Calendar = spec.Calendar,
        InitialCapital = spec.InitialCapital,
        Margin = spec.Margin,
        Costs = spec.Costs,
        CostModels = spec.CostModels,
        Venue = spec.Venue,
        StrategyName = spec.StrategyName,
    }, null).Execute();

    /// <summary>True when <paramref name="spec"/> books on the exact scaled-integer path (built-in cost models).</summary>
    internal static bool UsesExactPath(VectorizedSpec spec) => ExactBooks.TryCreate(spec) is not null;

    private sealed class Simulation
    {
        private readonly VectorizedSpec _spec;
        private readonly AlignedBars _bars;
        private readonly ITradingCalendar _calendar;
        private readonly SymbolTable _symbols;
        private readonly CostModels? _costs;
        private readonly Ledger? _ledger;
        private readonly RunRecorder? _recorder;
        private readonly FillPricing? _pricing;
        private readonly ExactBooks? _exact;
        private readonly bool _tracksStatistics;
        private readonly bool _capped;
        private readonly bool[]? _plainRows;
        private readonly long[] _packedOpens = [];
        private readonly int _n;
        private readonly long _barTicks;
        private readonly bool _daily;
        private readonly long[] _working;
        private readonly double[] _previousWeight;
        private readonly List<Pending> _pending = [];
        private readonly RowLog<OrderRow, OrderReport> _orders;
        private readonly List<string> _reasons = [];
        private readonly List<decimal> _averages = [];
        private readonly List<DecimalOrderTotals> _decimalTotals = [];
        private TradingSession _current;
        private TradingSession? _next;
        private bool _open;
        private long _barsProcessed;
        private int _timeSteps;
        private long _expiryFor = long.MinValue;
        private TradingSession? _expiry;

        public Simulation(VectorizedSpec spec, ExactBooks? exact)
        {
            _spec = spec;
            _bars = spec.Bars;
            _calendar = spec.Calendar;
            _symbols = _bars.Symbols;
            _n = _symbols.Count;
            _exact = exact;
            if (exact is null)
            {
                _costs = spec.CostModels ?? CostModels.FromOptions(spec.Costs);
                _ledger = new Ledger(_symbols, [spec.StrategyName], spec.InitialCapital);
                _recorder = new RunRecorder(_ledger, spec.Margin, _bars.Rows) { Progress = spec.Progress };
                _pricing = new FillPricing(_costs, spec.Venue.EffectiveCap, _n, _bars.TimeFrame, spec.Venue.StatisticsSpanBars);
                _tracksStatistics = _pricing.TracksStatistics;
            }
            else
            {
                _tracksStatistics = exact.TracksStatistics;
            }

            _capped = spec.Venue.EffectiveCap is not null;
            _plainRows = exact is not null ? _bars.PlainRows : null;
            _packedOpens = exact is not null ? _bars.PackedTradableOpens : [];
            _barTicks = _bars.TimeFrame.Duration.Ticks;
            _daily = _bars.TimeFrame.IsDaily;
            _working = new long[_n];
            _previousWeight = new double[_n];
            _orders = new RowLog<OrderRow, OrderReport>(MakeOrder);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public RunResult Execute()
        {
            var times = _bars.Times;
            var weightMatrix = _spec.TargetWeights.Span;
            int rows = _bars.Rows;
            if (rows > 0)
            {
                _next = FirstSessionClosingAfter(times[0]);
            }

            int row = 0;
            while (true)
            {
                bool hasBar = row < rows;
                if (!hasBar && !_open)
                {
                    break;
                }

                long start = hasBar ? times[row] : 0;
                long tBar = hasBar ? BarEnd(start) : long.MaxValue;
                long tOpen = !_open && hasBar && _next is { } nx ? nx.OpenUtc.Ticks : long.MaxValue;
                long tClose = _open ? _current.CloseUtc.Ticks : long.MaxValue;
                if (tOpen <= tBar && tOpen <= tClose)
                {
                    _current = _next!.Value;
                    _open = true;
                }
                else if (tBar <= tClose)
                {
                    ProcessRow(row++, start, tBar, weightMatrix);
                }
                else
                {
                    CloseSession();
                }
            }

            var orders = PendingReports();
            if (_exact is not null)
            {
                return _exact.Build(orders, _barsProcessed, _timeSteps);
            }

            _recorder!.BarsProcessed = _barsProcessed;
            _recorder.TimeSteps = _timeSteps;
            return _recorder.Build("vectorized", orders);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ProcessRow(int row, long start, long end, ReadOnlySpan<double> weightMatrix)
        {
            int n = _n;
            int b = row * n;
            var high = _bars.High;
            var low = _bars.Low;
            var close = _bars.Close;
            var volume = _bars.Volume;
            var flags = _bars.Flags;
            var present = _bars.Present;
            var tradableOpen = _bars.TradableOpen;
            bool inSession = _open && start >= _current.OpenUtc.Ticks && start < _current.CloseUtc.Ticks;
            PrefetchRow(b + n);

            if (inSession && _pending.Count != 0)
            {
                var packedOpens = _packedOpens;
                foreach (ref var p in CollectionsMarshal.AsSpan(_pending))
                {
                    int at = b + p.SymbolId;
                    // A bar present and tradable (the exact path reads its packed column only; NaN marks the others)
                    bool tradable = _exact is not null ? packedOpens[at] != AlignedBars.NotTradable : tradableOpen[at] > 0;
                    if (p.Done || !tradable || start < p.Submitted)
                    {
                        continue;
                    }

                    Fill(ref p, _capped ? volume[at] : double.NaN, at, start);
                }

                RemoveDone();
            }

            int count = 0;
            bool observe = inSession && _tracksStatistics;
            var exact = _exact;
            if (exact is not null && !observe && _plainRows![row])
            {
                // Every symbol has a plain bar: the marks are the row's closes, read in place (the loop below, at once).
                exact.SetMarks(b);
                count = n;
            }
            else
            {
                for (int s = 0; s < n; s++)
                {
                    int at = b + s;
                    if (!present[at])
                    {
                        continue;
                    }

                    count++;
                    if (observe && tradableOpen[at] > 0)
                    {
                        if (exact is not null)
                        {
                            exact.Observe(s, high[at], low[at], close[at], volume[at]);
                        }
                        else
                        {
                            _pricing!.Observe(s, high[at], low[at], close[at], volume[at]);
                        }
                    }

                    if ((flags[at] & BarFlags.Outlier) == 0)
                    {
                        if (exact is not null)
                        {
                            exact.SetMark(s, close[at], at);
                        }
                        else
                        {
                            _ledger!.SetMark(s, close[at]);
                        }
                    }
                }
            }

            exact?.MarksChanged();

            var weights = weightMatrix.Slice(b, n);
            var prev = _previousWeight;
            for (int first = 0; first < n; first += 64)
            {
                // The symbols whose weight changed, 64 at a time as bits (NaN never compares equal, as a changed weight),
                // visited in symbol order: one branch per change instead of one per symbol.
                int width = Math.Min(64, n - first);
                ulong changed = ChangedWeights(weights.Slice(first, width), prev.AsSpan(first, width));
                while (changed != 0)
                {
                    int s = first + BitOperations.TrailingZeroCount(changed);
                    changed &= changed - 1;
                    if (!present[b + s] || (flags[b + s] & BarFlags.Outlier) != 0)
                    {
                        continue;
                    }

                    double w = weights[s];
                    prev[s] = w;
                    Decide(s, w, end);
                }
            }

            if (exact is not null)
            {
                exact.RecordEquity(end);
            }
            else
            {
                _recorder!.RecordEquity(end);
            }

            _barsProcessed += count;
            _timeSteps++;
        }

        private void Decide(int s, double weight, long now)
        {
            var exact = _exact;
            if (exact is not null ? !exact.HasMark(s) : !_ledger!.HasMark(s))
            {
                return;
            }

            long target = exact is not null
                ? TargetSizing.Shares(weight, exact.EquityEstimate(), exact.Mark(s))
                : TargetSizing.Shares(weight, _ledger!.EquityEstimate(), _ledger.Mark(s));
            long held = exact is not null ? exact.Quantity(s) : _ledger!.StrategyQuantity(0, s);
            long delta = target - (held + _working[s]);
            if (delta == 0)
            {
                return;
            }

            var side = delta > 0 ? OrderSide.Buy : OrderSide.Sell;
            long quantity = Math.Abs(delta);
            var id = new OrderId(_orders.Count + 1);
            var reason = exact is not null
                ? exact.CheckBuyingPower(_working, s, side, quantity, intraday: _open)
                : BuyingPower.Check(_spec.Margin, _ledger!, _working, s, OrderRequest.Market(_symbols[s], side, quantity), intraday: _open);
            if (reason is not null)
            {
                AddOrder(new OrderRow(s, side, quantity, now, OrderStatus.Rejected, 0, now, ReasonIndex(reason), default));
                return;
            }

            // The first session closing after now: the one found for an earlier time while it still closes after now
            // (any session closing after now closes after that earlier time too, and that one was the first of those).
            if (!(now >= _expiryFor && _expiry is { } known && known.CloseUtc.Ticks > now))
            {
                _expiry = FirstSessionClosingAfter(now);
                _expiryFor = now;
            }

            if (_expiry is not { } expiry)
            {
                AddOrder(new OrderRow(s, side, quantity, now, OrderStatus.Rejected, 0, now, ReasonIndex("no trading session ahead in the calendar"), default));
                return;
            }

            ReserveOrder(); // its row is written when the order is reported (filled, expired, or still working at the end)
            _working[s] += side == OrderSide.Buy ? quantity : -quantity;
            exact?.WorkingChanged(s, side == OrderSide.Buy ? quantity : -quantity);

            // The working order, written in place at the end of the list (the struct is too large to copy cheaply).
            int count = _pending.Count;
            CollectionsMarshal.SetCount(_pending, count + 1);
            ref var p = ref CollectionsMarshal.AsSpan(_pending)[count];
            p.Id = id;
            p.SymbolId = s;
            p.Side = side;
            p.Quantity = quantity;
            p.Submitted = now;
            p.ExpiresAt = expiry.CloseUtc.Ticks;
            p.Updated = now;
            p.Filled = 0;
            p.Exact = default;
            p.Done = false;
        }

        /// <summary>Drops the finished orders from the working list, keeping the others in order.</summary>
        private void RemoveDone()
        {
            var pending = CollectionsMarshal.AsSpan(_pending);
            int kept = 0;
            for (int i = 0; i < pending.Length; i++)
            {
                if (!pending[i].Done)
                {
                    if (kept != i)
                    {
                        pending[kept] = pending[i];
                    }

                    kept++;
                }
            }

            CollectionsMarshal.SetCount(_pending, kept);
        }

        /// <summary>
        /// Bit k set where <paramref name="weights"/>[k] differs from <paramref name="previous"/>[k] (either NaN counts as a
        /// change), for up to 64 symbols.
        /// </summary>
        private static ulong ChangedWeights(ReadOnlySpan<double> weights, ReadOnlySpan<double> previous)
        {
            ulong changed = 0;
            int k = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; k + Vector256<double>.Count <= weights.Length; k += Vector256<double>.Count)
                {
                    var equal = Vector256.Equals(Vector256.Create(weights.Slice(k, Vector256<double>.Count)), Vector256.Create(previous.Slice(k, Vector256<double>.Count)));
                    changed |= (ulong)(~equal.ExtractMostSignificantBits() & 0xF) << k;
                }
            }

            for (; k < weights.Length; k++)
            {
                if (!(weights[k] == previous[k]))
                {
                    changed |= 1UL << k;
                }
            }

            return changed;
        }

        /// <summary>
        /// Asks the CPU to bring the tradable opens (the exact path: their packed column; and the volumes when fills are capped) of the row starting at cell
        /// <paramref name="next"/> into cache: that row's fills read them, and nothing else touches them. One sequential row
        /// at a time, so pages stay mapped; prefetching single cells at order time cost more than it saved, and the
        /// closes and weights, read every row, the hardware prefetcher already brings in (prefetching them too changed nothing).
        /// </summary>
        private void PrefetchRow(int next)
        {
            if (!Sse.IsSupported || next + _n > _bars.Cells)
            {
                return;
            }

            if (_exact is not null)
            {
                PrefetchCells(MemoryMarshal.Cast<long, double>(_packedOpens.AsSpan()), next, _n);
            }
            else
            {
                PrefetchCells(_bars.TradableOpen, next, _n);
            }

            if (_capped)
            {
                PrefetchCells(_bars.Volume, next, _n);
            }
        }

        /// <summary>Prefetches the cache lines of <paramref name="count"/> cells of <paramref name="column"/> from <paramref name="at"/> (in range).</summary>
        private static unsafe void PrefetchCells(ReadOnlySpan<double> column, int at, int count)
        {
            fixed (double* first = &column[at])
            {
                byte* row = (byte*)first;
                int bytes = count * sizeof(double);
                for (int offset = 0; offset < bytes; offset += 64)
                {
                    Sse.Prefetch0(row + offset);
                }

                Sse.Prefetch0(row + bytes - 1);
            }
        }

        private void Fill(ref Pending p, double volume, int cell, long time)
        {
            long leaves = p.Quantity - p.Filled;
            var exact = _exact;
            long q = Math.Min(leaves, exact is not null ? exact.CapQuantity(volume) : _pricing!.CapQuantity(volume));
            if (q <= 0)
            {
                return;
            }

            if (exact is not null)
            {
                exact.Fill(p.SymbolId, p.Id, p.Side, q, p.Filled, ref p.Exact, cell, time);
                p.Filled += q;
            }
            else
            {
                FillDecimal(ref p, q, _bars.TradableOpen[cell], time);
            }

            p.Updated = time;
            _working[p.SymbolId] -= p.Side == OrderSide.Buy ? q : -q;
            if (p.Filled == p.Quantity)
            {
                Finish(ref p, OrderStatus.Filled, null);
            }
        }

        private void FillDecimal(ref Pending p, long q, double open, long time)
        {
            var pricing = _pricing!;
            string symbol = _symbols[p.SymbolId];
            decimal price = pricing.Price(p.SymbolId, symbol, p.Side, q, PriceMath.ToPrice(open), slip: true, limit: null);
            decimal notional = decimal.Round(q * price, 2, MidpointRounding.AwayFromZero);
            long totalQ = p.Filled + q;
            ref var t = ref DecimalTotals(p.Id);
            decimal totalNotional = t.Notional + notional;
            var (commission, fees) = pricing.Charge(symbol, p.Side, totalQ, totalNotional, t.Commission, t.Fees);
            _recorder!.BookFill(0, p.SymbolId, p.Id, p.Side, q, price, notional, commission, fees, time);
            p.Filled = totalQ;
            t.Notional = totalNotional;
            t.Value += q * price;
            t.Commission += commission;
            t.Fees += fees;
        }

        private void Finish(ref Pending p, OrderStatus status, string? reason)
        {
            p.Done = true;
            long leaves = p.Quantity - p.Filled;
            if (leaves != 0)
            {
                _working[p.SymbolId] -= p.Side == OrderSide.Buy ? leaves : -leaves;
            }

            Report(ref p, status, reason);
        }

        private void Report(ref Pending p, OrderStatus status, string? reason)
        {
            if (_exact is not null)
            {
                // The average price is worked out when the order is read.
                _orders.Row((int)(p.Id.Value - 1)) = new OrderRow(p.SymbolId, p.Side, p.Quantity, p.Submitted, status, p.Filled, p.Updated, ReasonIndex(reason), p.Exact.Value);
                return;
            }

            int index = (int)(p.Id.Value - 1);
            _averages[index] = p.Filled == 0 ? 0m : PriceMath.DivRound(DecimalTotals(p.Id).Value, p.Filled, 6);
            _orders.Row(index) = new OrderRow(p.SymbolId, p.Side, p.Quantity, p.Submitted, status, p.Filled, p.Updated, ReasonIndex(reason), default);
        }

        /// <summary>The order row's reference to <paramref name="reason"/>: 0 for none, else its place in the reasons list + 1.</summary>
        private int ReasonIndex(string? reason)
        {
            if (reason is null)
            {
                return 0;
            }

            _reasons.Add(reason);
            return _reasons.Count;
        }

        /// <summary>Logs a new order (its id is its place in the log + 1).</summary>
        private void AddOrder(in OrderRow row)
        {
            _orders.Add(row);
            if (_exact is null)
            {
                _averages.Add(0m);
                _decimalTotals.Add(default);
            }
        }

        /// <summary>Logs a new working order whose row is written when it is reported.</summary>
        private void ReserveOrder()
        {
            _orders.Append();
            if (_exact is null)
            {
                _averages.Add(0m);
                _decimalTotals.Add(default);
            }
        }

        /// <summary>The decimal path's running totals of order <paramref name="id"/>.</summary>
        private ref DecimalOrderTotals DecimalTotals(OrderId id) => ref CollectionsMarshal.AsSpan(_decimalTotals)[(int)(id.Value - 1)];

        private OrderReport MakeOrder(OrderRow r, int index)
        {
            decimal average = _exact is null ? _averages[index] : r.Filled == 0 ? 0m : PriceMath.DivRound(r.ExactValue.ToDecimal(), r.Filled, 6);
            return new OrderReport(new OrderId(index + 1), _spec.StrategyName, OrderRequest.Market(_symbols[r.Symbol], r.Side, r.Quantity), r.Submitted, r.Status, r.Filled,
                average, r.Updated, r.Reason == 0 ? null : _reasons[r.Reason - 1]);
        }

        private void CloseSession()
        {
            var session = _current;
            long close = session.CloseUtc.Ticks;
            foreach (ref var p in CollectionsMarshal.AsSpan(_pending))
            {
                if (!p.Done && p.ExpiresAt <= close)
                {
                    p.Updated = close;
                    Finish(ref p, OrderStatus.Expired, "DAY order expired at the session close");
                }
            }

            RemoveDone();
            var nextDate = _calendar.NextTradingDay(session.Date);
            int days = nextDate.DayNumber - session.Date.DayNumber;
            if (_exact is not null)
            {
                _exact.CloseSession(session, days, _spec.Progress, _barsProcessed);
            }
            else
            {
                _recorder!.BarsProcessed = _barsProcessed;
                _recorder.CloseSession(session, days, _costs!.BorrowFee, _costs.Interest);
            }

            _open = false;
            _next = _calendar.GetSession(nextDate);
        }

        private long BarEnd(long start)
        {
            var session = _open ? _current : _next;
            if (session is { } s && start >= s.OpenUtc.Ticks && start < s.CloseUtc.Ticks)
            {
                long close = s.CloseUtc.Ticks;
                return _daily ? close : Math.Min(start + _barTicks, close);
            }

            return start + (_daily ? TimeSpan.TicksPerDay : _barTicks);
        }

        private TradingSession? FirstSessionClosingAfter(long utcTicks)
        {
            var local = _calendar.ToExchangeTime(new DateTime(utcTicks, DateTimeKind.Utc));
            var date = DateOnly.FromDateTime(local);
            if (_calendar.GetSession(date) is { } s && s.CloseUtc.Ticks > utcTicks)
            {
                return s;
            }

            return _calendar.GetSession(_calendar.NextTradingDay(date));
        }

        private RowLog<OrderRow, OrderReport> PendingReports()
        {
            foreach (ref var p in CollectionsMarshal.AsSpan(_pending))
            {
                if (!p.Done)
                {
                    Report(ref p, p.Filled == 0 ? OrderStatus.Accepted : OrderStatus.PartiallyFilled, null);
                }
            }

            return _orders;
        }

        /// <summary>
        /// An order as it stands (the order log's row; its id is its place in the log + 1; the report and its request are
        /// built when read). Reason: 0 for none, else 1 + its place in the reasons list. ExactValue: on the exact path,
        /// Σ quantity × price of the fills, for the average price (the decimal path keeps its averages aside).
        /// </summary>
        private readonly struct OrderRow(int symbol, OrderSide side, long quantity, long submitted, OrderStatus status, long filled, long updated,
            int reason, ScaledAmount exactValue)
        {
            // Amounts as mantissa and scale fields, no references: 56 bytes a row instead of 96.
            private readonly long _quantity = quantity;
            private readonly long _submitted = submitted;
            private readonly long _filled = filled;
            private readonly long _updated = updated;
            private readonly long _value = exactValue.Units;
            private readonly int _symbol = symbol;
            private readonly int _reason = reason;
            private readonly byte _side = (byte)side;
            private readonly byte _status = (byte)status;
            private readonly byte _valueScale = (byte)exactValue.Scale;

            public int Symbol => _symbol;

            public OrderSide Side => (OrderSide)_side;

            public long Quantity => _quantity;

            public long Submitted => _submitted;

            public OrderStatus Status => (OrderStatus)_status;

            public long Filled => _filled;

            public long Updated => _updated;

            public int Reason => _reason;

            public ScaledAmount ExactValue => new(_value, _valueScale);
        }

        /// <summary>The decimal path's running totals of an order.</summary>
        private struct DecimalOrderTotals
        {
            public decimal Notional;
            public decimal Value;
            public decimal Commission;
            public decimal Fees;
        }

        /// <summary>A working market order (DAY).</summary>
        private struct Pending
        {
            public OrderId Id;
            public int SymbolId;
            public OrderSide Side;
            public long Quantity;
            public long Submitted;
            public long ExpiresAt;
            public long Updated;
            public long Filled;
            public ExactOrderTotals Exact;
            public bool Done;
        }
    }
}

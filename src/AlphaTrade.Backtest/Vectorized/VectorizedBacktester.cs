using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    /// <summary>Custom cost models, overriding <see cref="Costs"/>.</summary>
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
/// dot product); decimal work happens at orders, fills and session closes. With the participation cap off, the
/// reference crossover gives the event engine's trades and equity exactly.
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

        return new Simulation(spec).Execute();
    }

    private sealed class Simulation
    {
        private readonly VectorizedSpec _spec;
        private readonly AlignedBars _bars;
        private readonly ITradingCalendar _calendar;
        private readonly SymbolTable _symbols;
        private readonly CostModels _costs;
        private readonly Ledger _ledger;
        private readonly RunRecorder _recorder;
        private readonly FillPricing _pricing;
        private readonly int _n;
        private readonly long _barTicks;
        private readonly bool _daily;
        private readonly long[] _working;
        private readonly double[] _previousWeight;
        private readonly List<Pending> _pending = [];
        private readonly RowList<OrderRow, OrderReport> _orders;
        private TradingSession _current;
        private TradingSession? _next;
        private bool _open;

        public Simulation(VectorizedSpec spec)
        {
            _spec = spec;
            _bars = spec.Bars;
            _calendar = spec.Calendar;
            _symbols = _bars.Symbols;
            _n = _symbols.Count;
            _costs = spec.CostModels ?? CostModels.FromOptions(spec.Costs);
            _ledger = new Ledger(_symbols, [spec.StrategyName], spec.InitialCapital);
            _recorder = new RunRecorder(_ledger, spec.Margin, _bars.Rows) { Progress = spec.Progress };
            _pricing = new FillPricing(_costs, spec.Venue.EffectiveCap, _n, _bars.TimeFrame, spec.Venue.StatisticsSpanBars);
            _barTicks = _bars.TimeFrame.Duration.Ticks;
            _daily = _bars.TimeFrame.IsDaily;
            _working = new long[_n];
            _previousWeight = new double[_n];
            _orders = new RowList<OrderRow, OrderReport>(MakeOrder);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public RunResult Execute()
        {
            var times = _bars.Times;
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
                    ProcessRow(row++, start, tBar);
                }
                else
                {
                    CloseSession();
                }
            }

            return _recorder.Build("vectorized", PendingReports());
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ProcessRow(int row, long start, long end)
        {
            int n = _n;
            int b = row * n;
            var open = _bars.Open;
            var high = _bars.High;
            var low = _bars.Low;
            var close = _bars.Close;
            var volume = _bars.Volume;
            var flags = _bars.Flags;
            var present = _bars.Present;
            bool inSession = _open && start >= _current.OpenUtc.Ticks && start < _current.CloseUtc.Ticks;

            if (inSession && _pending.Count != 0)
            {
                foreach (ref var p in CollectionsMarshal.AsSpan(_pending))
                {
                    int at = b + p.SymbolId;
                    if (p.Done || !present[at] || start < p.Submitted
                        || !FillPricing.IsTradable(open[at], high[at], low[at], close[at], volume[at], flags[at]))
                    {
                        continue;
                    }

                    Fill(ref p, open[at], volume[at], start);
                }

                _pending.RemoveAll(static p => p.Done);
            }

            int count = 0;
            for (int s = 0; s < n; s++)
            {
                int at = b + s;
                if (!present[at])
                {
                    continue;
                }

                count++;
                if (inSession && _pricing.TracksStatistics && FillPricing.IsTradable(open[at], high[at], low[at], close[at], volume[at], flags[at]))
                {
                    _pricing.Observe(s, high[at], low[at], close[at], volume[at]);
                }

                if ((flags[at] & BarFlags.Outlier) == 0)
                {
                    _ledger.SetMark(s, close[at]);
                }
            }

            var weights = _spec.TargetWeights.Span.Slice(b, n);
            var prev = _previousWeight;
            for (int s = 0; s < n; s++)
            {
                double w = weights[s];
                if (w == prev[s] || !present[b + s] || (flags[b + s] & BarFlags.Outlier) != 0)
                {
                    continue;
                }

                prev[s] = w;
                Decide(s, w, end);
            }

            _recorder.RecordEquity(end);
            _recorder.BarsProcessed += count;
            _recorder.TimeSteps++;
        }

        private void Decide(int s, double weight, long now)
        {
            if (!_ledger.HasMark(s))
            {
                return;
            }

            long target = TargetSizing.Shares(weight, _ledger.EquityEstimate(), _ledger.Mark(s));
            long delta = target - (_ledger.StrategyQuantity(0, s) + _working[s]);
            if (delta == 0)
            {
                return;
            }

            var side = delta > 0 ? OrderSide.Buy : OrderSide.Sell;
            var request = OrderRequest.Market(_symbols[s], side, Math.Abs(delta));
            var id = new OrderId(_orders.Count + 1);
            var reason = BuyingPower.Check(_spec.Margin, _ledger, _working, s, request, intraday: _open);
            if (reason is not null)
            {
                _orders.Add(new OrderRow(id, s, side, request.Quantity, now, OrderStatus.Rejected, 0, 0m, now, reason));
                return;
            }

            var expiry = FirstSessionClosingAfter(now);
            if (expiry is null)
            {
                _orders.Add(new OrderRow(id, s, side, request.Quantity, now, OrderStatus.Rejected, 0, 0m, now, "no trading session ahead in the calendar"));
                return;
            }

            _orders.Add(new OrderRow(id, s, side, request.Quantity, now, OrderStatus.Accepted, 0, 0m, now, null));
            _working[s] += request.SignedQuantity;
            _pending.Add(new Pending { Id = id, SymbolId = s, Side = side, Quantity = request.Quantity, Submitted = now, ExpiresAt = expiry.Value.CloseUtc.Ticks, Updated = now });
        }

        private void Fill(ref Pending p, double open, double volume, long time)
        {
            long leaves = p.Quantity - p.Filled;
            long q = Math.Min(leaves, _pricing.CapQuantity(volume));
            if (q <= 0)
            {
                return;
            }

            string symbol = _symbols[p.SymbolId];
            decimal price = _pricing.Price(p.SymbolId, symbol, p.Side, q, PriceMath.ToPrice(open), slip: true, limit: null);
            decimal notional = decimal.Round(q * price, 2, MidpointRounding.AwayFromZero);
            long totalQ = p.Filled + q;
            decimal totalNotional = p.Notional + notional;
            var (commission, fees) = _pricing.Charge(symbol, p.Side, totalQ, totalNotional, p.Commission, p.Fees);
            _recorder.BookFill(0, p.SymbolId, p.Id, p.Side, q, price, notional, commission, fees, time);
            p.Filled = totalQ;
            p.Notional = totalNotional;
            p.Value += q * price;
            p.Commission += commission;
            p.Fees += fees;
            p.Updated = time;
            _working[p.SymbolId] -= p.Side == OrderSide.Buy ? q : -q;
            if (totalQ == p.Quantity)
            {
                Finish(ref p, OrderStatus.Filled, null);
            }
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
            decimal avg = p.Filled == 0 ? 0m : PriceMath.DivRound(p.Value, p.Filled, 6);
            _orders.Row((int)(p.Id.Value - 1)) = new OrderRow(p.Id, p.SymbolId, p.Side, p.Quantity, p.Submitted, status, p.Filled, avg, p.Updated, reason);
        }

        private OrderReport MakeOrder(OrderRow r) => new(
            r.Id, _spec.StrategyName, OrderRequest.Market(_symbols[r.Symbol], r.Side, r.Quantity), r.Submitted, r.Status, r.Filled, r.AveragePrice, r.Updated, r.Reason);

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

            _pending.RemoveAll(static p => p.Done);
            var nextDate = _calendar.NextTradingDay(session.Date);
            _recorder.CloseSession(session, nextDate.DayNumber - session.Date.DayNumber, _costs.BorrowFee, _costs.Interest);
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

        private RowList<OrderRow, OrderReport> PendingReports()
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

        /// <summary>An order as it stands (the order log's row; the report and its request are built when read).</summary>
        private readonly record struct OrderRow(OrderId Id, int Symbol, OrderSide Side, long Quantity, long Submitted, OrderStatus Status,
            long Filled, decimal AveragePrice, long Updated, string? Reason);

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
            public decimal Notional;
            public decimal Value;
            public decimal Commission;
            public decimal Fees;
            public bool Done;
        }
    }
}

using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Orders;
using AlphaTrade.Engine.Portfolio;

namespace AlphaTrade.Engine.Results;

/// <summary>
/// Collects a run's results as it goes — equity per step, fills, round trips, session-close snapshots — from the
/// ledger, and assembles the <see cref="RunResult"/>. Shared by the engines so they report identically.
/// Allocation-free per step (the equity curve grows by doubling). Single-threaded.
/// </summary>
public sealed class RunRecorder
{
    private readonly Ledger _ledger;
    private readonly MarginPolicy _margin;
    private readonly EquityCurve _equity;
    private readonly RowList<FillRow, FillReport> _fills;
    private readonly RowList<OpenTrade, RoundTrip> _trades;
    private readonly RowList<PositionRow, PositionSnapshot> _positions;
    private readonly List<DailySnapshot> _daily = [];
    private readonly List<MarginCall> _marginCalls = [];
    private readonly OpenTrade[] _open;

    /// <summary>Creates a recorder over <paramref name="ledger"/>.</summary>
    public RunRecorder(Ledger ledger, MarginPolicy margin, int equityCapacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(margin);
        _ledger = ledger;
        _margin = margin;
        _equity = new EquityCurve(equityCapacity);
        _open = new OpenTrade[ledger.Symbols.Count * ledger.Strategies.Count];
        _fills = new RowList<FillRow, FillReport>(MakeFill);
        _trades = new RowList<OpenTrade, RoundTrip>(MakeTrade);
        _positions = new RowList<PositionRow, PositionSnapshot>(MakePosition);
    }

    /// <summary>Told at every session close how far the run has come (for progress displays); null for none.</summary>
    public IProgress<RunProgress>? Progress { get; init; }

    /// <summary>Bars processed so far (engines add to it).</summary>
    public long BarsProcessed { get; set; }

    /// <summary>Time steps processed so far (engines add to it).</summary>
    public int TimeSteps { get; set; }

    /// <summary>Records equity and cash (double) at <paramref name="timeUtcTicks"/>.</summary>
    public void RecordEquity(long timeUtcTicks) => _equity.Add(timeUtcTicks, _ledger.EquityEstimate(), _ledger.CashEstimate);

    /// <summary>
    /// Books <paramref name="fill"/> in the ledger for strategy <paramref name="strategyId"/> and records it
    /// (fill log and round trips).
    /// </summary>
    public void BookFill(int strategyId, int symbolId, Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (!string.Equals(fill.Symbol, _ledger.Symbols[symbolId], StringComparison.Ordinal))
        {
            throw new ArgumentException($"Fill for {fill.Symbol} booked under symbol id {symbolId} ({_ledger.Symbols[symbolId]}).", nameof(fill));
        }

        BookFill(strategyId, symbolId, fill.OrderId, fill.Side, fill.Quantity, fill.Price, fill.Notional, fill.Commission, fill.Fees, fill.TimeUtcTicks);
    }

    /// <summary>
    /// Books a fill given by its parts (no <see cref="Fill"/> object is made; the fill log builds one when read):
    /// <paramref name="notional"/> is quantity × price rounded to the cent, as <see cref="Fill.Notional"/>.
    /// </summary>
    internal void BookFill(int strategyId, int symbolId, OrderId orderId, OrderSide side, long quantity, decimal price, decimal notional,
        decimal commission, decimal fees, long timeUtcTicks)
    {
        long before = _ledger.StrategyQuantity(strategyId, symbolId);
        long q = side == OrderSide.Buy ? quantity : -quantity;
        decimal realized = _ledger.ApplyFill(strategyId, symbolId, q, price, notional, commission, fees);
        _fills.Add(new FillRow(orderId, strategyId, symbolId, side, quantity, price, commission, fees, timeUtcTicks) { Sequence = _fills.Count + 1 });
        TrackTrade(strategyId, symbolId, q, notional, commission + fees, timeUtcTicks, before, realized);
    }

    /// <summary>Accrues financing in the ledger and records the session close: daily snapshot, positions, margin call.</summary>
    public void CloseSession(TradingSession session, int days, Costs.IBorrowFeeModel borrowFee, Costs.IInterestModel interest)
    {
        ArgumentNullException.ThrowIfNull(borrowFee);
        ArgumentNullException.ThrowIfNull(interest);
        var (borrow, credited) = _ledger.AccrueFinancing(borrowFee, interest, days, OnBorrow);
        Progress?.Report(new RunProgress(session.Date, BarsProcessed));
        long t = session.CloseUtc.Ticks;
        decimal equity = _ledger.Equity;
        decimal gross = _ledger.GrossExposure;
        _daily.Add(new DailySnapshot(session.Date, t, _ledger.Cash, equity, gross, _ledger.NetExposure, borrow, credited));
        if (gross > _margin.OvernightLeverage * equity)
        {
            _marginCalls.Add(new MarginCall(session.Date, gross, equity, _margin.OvernightLeverage));
        }

        int n = _ledger.Symbols.Count;
        for (int k = 0; k < _ledger.Strategies.Count; k++)
        {
            for (int s = 0; s < n; s++)
            {
                long q = _ledger.StrategyQuantity(k, s);
                if (q != 0)
                {
                    _positions.Add(new PositionRow(t, session.Date, k, s, q, _ledger.StrategyCostBasis(k, s), _ledger.MarkPrice(s)));
                }
            }
        }
    }

    /// <summary>Assembles the result.</summary>
    public RunResult Build(string engine, IReadOnlyList<OrderReport> orders)
    {
        var open = new List<RoundTrip>();
        int n = _ledger.Symbols.Count;
        for (int i = 0; i < _open.Length; i++)
        {
            if (_open[i].Active)
            {
                open.Add(MakeTrade(_open[i]));
            }
        }

        var symbolPnl = new List<PnlBreakdown>(n);
        for (int s = 0; s < n; s++)
        {
            symbolPnl.Add(_ledger.SymbolPnl(s));
        }

        var strategyPnl = new List<PnlBreakdown>(_ledger.Strategies.Count);
        for (int k = 0; k < _ledger.Strategies.Count; k++)
        {
            strategyPnl.Add(_ledger.StrategyPnl(k));
        }

        return new RunResult
        {
            Engine = engine,
            Symbols = _ledger.Symbols,
            Strategies = _ledger.Strategies,
            InitialCapital = _ledger.InitialCapital,
            FinalCash = _ledger.Cash,
            FinalEquity = _ledger.Equity,
            Equity = _equity,
            Orders = orders,
            Fills = _fills,
            Trades = _trades,
            OpenTrades = open,
            Positions = _positions,
            Daily = _daily,
            SymbolPnl = symbolPnl,
            StrategyPnl = strategyPnl,
            TotalPnl = _ledger.TotalPnl(),
            MarginCalls = _marginCalls,
            BarsProcessed = BarsProcessed,
            TimeSteps = TimeSteps,
        };
    }

    private FillReport MakeFill(FillRow r) => new(
        r.Sequence, _ledger.Strategies[r.Strategy],
        new Fill(r.OrderId, _ledger.Symbols[r.Symbol], r.Side, r.Quantity, r.Price, r.Commission, r.Fees, r.TimeUtcTicks));

    private PositionSnapshot MakePosition(PositionRow r)
    {
        decimal average = PriceMath.DivRound(r.CostBasis, r.Quantity, PriceMath.PriceDecimals);
        decimal mv = r.Quantity * r.Mark;
        return new PositionSnapshot(r.TimeUtcTicks, r.Date, _ledger.Strategies[r.Strategy], _ledger.Symbols[r.Symbol], r.Quantity, average, r.Mark, mv, mv - r.CostBasis);
    }

    private RoundTrip MakeTrade(OpenTrade t) => new(
        _ledger.Strategies[t.Strategy],
        _ledger.Symbols[t.Symbol],
        t.Direction,
        t.EntryTime,
        t.Active ? null : t.ExitTime,
        t.MaxQuantity,
        t.EntryQuantity == 0 ? 0m : PriceMath.DivRound(t.EntryValue, t.EntryQuantity, PriceMath.PriceDecimals),
        t.ExitQuantity == 0 ? 0m : PriceMath.DivRound(t.ExitValue, t.ExitQuantity, PriceMath.PriceDecimals),
        t.Gross,
        t.Costs,
        t.FillCount);

    private void OnBorrow(int strategyId, int symbolId, decimal amount)
    {
        ref var t = ref _open[(strategyId * _ledger.Symbols.Count) + symbolId];
        if (t.Active)
        {
            t.Costs += amount;
        }
    }

    private void TrackTrade(int k, int s, long q, decimal notional, decimal cost, long time, long before, decimal realized)
    {
        ref var t = ref _open[(k * _ledger.Symbols.Count) + s];
        long after = before + q;
        if (before == 0)
        {
            t = OpenTrade.Start(k, s, q, time, Math.Abs(q), notional, cost);
            return;
        }

        t.FillCount++;
        if ((before > 0) == (q > 0))
        {
            t.EntryQuantity += Math.Abs(q);
            t.EntryValue += notional;
            t.Costs += cost;
            t.MaxQuantity = Math.Max(t.MaxQuantity, Math.Abs(after));
            return;
        }

        long traded = Math.Abs(q);
        long closing = Math.Min(Math.Abs(before), traded);
        bool flip = traded > Math.Abs(before);
        decimal closeValue = flip ? PriceMath.DivRound(notional * closing, traded, 8) : notional;
        decimal closeCost = flip ? PriceMath.DivRound(cost * closing, traded, 8) : cost;
        t.ExitQuantity += closing;
        t.ExitValue += closeValue;
        t.Gross += realized;
        t.Costs += closeCost;
        if (after == 0 || flip)
        {
            t.Active = false;
            t.ExitTime = time;
            _trades.Add(t);
            t = default;
        }

        if (flip)
        {
            t = OpenTrade.Start(k, s, q, time, traded - closing, notional - closeValue, cost - closeCost);
        }
    }

    /// <summary>A fill as booked (the fill log's row).</summary>
    private readonly record struct FillRow(OrderId OrderId, int Strategy, int Symbol, OrderSide Side, long Quantity, decimal Price,
        decimal Commission, decimal Fees, long TimeUtcTicks)
    {
        public long Sequence { get; init; }
    }

    /// <summary>A strategy's position at a session close (the positions log's row).</summary>
    private readonly record struct PositionRow(long TimeUtcTicks, DateOnly Date, int Strategy, int Symbol, long Quantity, decimal CostBasis, decimal Mark);

    /// <summary>A round trip being built, in place in the per-(strategy, symbol) slot; copied to the trade log when it ends.</summary>
    private struct OpenTrade
    {
        public bool Active;
        public int Strategy;
        public int Symbol;
        public TradeDirection Direction;
        public long EntryTime;
        public long ExitTime;
        public long EntryQuantity;
        public decimal EntryValue;
        public long ExitQuantity;
        public decimal ExitValue;
        public long MaxQuantity;
        public decimal Gross;
        public decimal Costs;
        public int FillCount;

        public static OpenTrade Start(int strategy, int symbol, long signedQuantity, long time, long quantity, decimal value, decimal cost) => new()
        {
            Active = true,
            Strategy = strategy,
            Symbol = symbol,
            Direction = signedQuantity > 0 ? TradeDirection.Long : TradeDirection.Short,
            EntryTime = time,
            EntryQuantity = quantity,
            EntryValue = value,
            MaxQuantity = quantity,
            Costs = cost,
            FillCount = 1,
        };
    }
}

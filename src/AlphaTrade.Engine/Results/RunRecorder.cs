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
    private readonly List<FillReport> _fills = [];
    private readonly List<RoundTrip> _trades = [];
    private readonly List<PositionSnapshot> _positions = [];
    private readonly List<DailySnapshot> _daily = [];
    private readonly List<MarginCall> _marginCalls = [];
    private readonly OpenTrade?[] _open;

    /// <summary>Creates a recorder over <paramref name="ledger"/>.</summary>
    public RunRecorder(Ledger ledger, MarginPolicy margin, int equityCapacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(margin);
        _ledger = ledger;
        _margin = margin;
        _equity = new EquityCurve(equityCapacity);
        _open = new OpenTrade?[ledger.Symbols.Count * ledger.Strategies.Count];
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
        long before = _ledger.StrategyQuantity(strategyId, symbolId);
        decimal realized = _ledger.ApplyFill(strategyId, symbolId, fill);
        _fills.Add(new FillReport(_fills.Count + 1, _ledger.Strategies[strategyId], fill));
        TrackTrade(strategyId, symbolId, fill, before, realized);
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
                var p = _ledger.StrategyPosition(k, s);
                if (p.Quantity == 0)
                {
                    continue;
                }

                decimal mark = _ledger.MarkPrice(s);
                decimal mv = p.Quantity * mark;
                _positions.Add(new PositionSnapshot(t, session.Date, _ledger.Strategies[k], _ledger.Symbols[s], p.Quantity, p.AveragePrice, mark, mv, mv - p.CostBasis));
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
            if (_open[i] is { } t)
            {
                open.Add(t.ToRoundTrip(_ledger.Strategies[i / n], _ledger.Symbols[i % n], null));
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

    private void OnBorrow(int strategyId, int symbolId, decimal amount)
    {
        if (_open[(strategyId * _ledger.Symbols.Count) + symbolId] is { } t)
        {
            t.Costs += amount;
        }
    }

    private void TrackTrade(int k, int s, Fill fill, long before, decimal realized)
    {
        int slot = (k * _ledger.Symbols.Count) + s;
        long q = fill.SignedQuantity;
        long after = before + q;
        decimal notional = fill.Notional;
        decimal cost = fill.Commission + fill.Fees;
        if (before == 0)
        {
            _open[slot] = OpenTrade.Start(fill, Math.Abs(q), notional, cost);
            return;
        }

        var t = _open[slot]!;
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
        decimal closeValue = flip ? decimal.Round(notional * closing / traded, 8, MidpointRounding.AwayFromZero) : notional;
        decimal closeCost = flip ? decimal.Round(cost * closing / traded, 8, MidpointRounding.AwayFromZero) : cost;
        t.ExitQuantity += closing;
        t.ExitValue += closeValue;
        t.Gross += realized;
        t.Costs += closeCost;
        if (after == 0 || flip)
        {
            _trades.Add(t.ToRoundTrip(_ledger.Strategies[k], _ledger.Symbols[s], fill.TimeUtcTicks));
            _open[slot] = null;
        }

        if (flip)
        {
            var n = OpenTrade.Start(fill, traded - closing, notional - closeValue, cost - closeCost);
            _open[slot] = n;
        }
    }

    private sealed class OpenTrade
    {
        public TradeDirection Direction;
        public long EntryTime;
        public long EntryQuantity;
        public decimal EntryValue;
        public long ExitQuantity;
        public decimal ExitValue;
        public long MaxQuantity;
        public decimal Gross;
        public decimal Costs;
        public int FillCount;

        public static OpenTrade Start(Fill fill, long quantity, decimal value, decimal cost) => new()
        {
            Direction = fill.Side == OrderSide.Buy ? TradeDirection.Long : TradeDirection.Short,
            EntryTime = fill.TimeUtcTicks,
            EntryQuantity = quantity,
            EntryValue = value,
            MaxQuantity = quantity,
            Costs = cost,
            FillCount = 1,
        };

        public RoundTrip ToRoundTrip(string strategy, string symbol, long? exitTime) => new(
            strategy,
            symbol,
            Direction,
            EntryTime,
            exitTime,
            MaxQuantity,
            EntryQuantity == 0 ? 0m : PriceMath.RoundPrice(EntryValue / EntryQuantity),
            ExitQuantity == 0 ? 0m : PriceMath.RoundPrice(ExitValue / ExitQuantity),
            Gross,
            Costs,
            FillCount);
    }
}

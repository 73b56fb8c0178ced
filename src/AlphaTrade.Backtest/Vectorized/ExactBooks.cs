using System.Globalization;
using System.Runtime.Intrinsics;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Engine;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Portfolio;
using AlphaTrade.Engine.Results;

namespace AlphaTrade.Backtest.Vectorized;

/// <summary>An order's running totals on the exact path (what the decimal path keeps in decimal).</summary>
internal struct ExactOrderTotals
{
    /// <summary>Σ fill notional (each to the cent).</summary>
    public ScaledAmount Notional;

    /// <summary>Σ quantity × price (for the average fill price).</summary>
    public ScaledAmount Value;

    /// <summary>Commission charged so far.</summary>
    public ScaledAmount Commission;

    /// <summary>Fees charged so far.</summary>
    public ScaledAmount Fees;
}

/// <summary>
/// The vectorized engine's accounting for the built-in cost models (<see cref="CostOptions"/>): fill pricing, commission,
/// fees, the single strategy's books (which are also the account's), round trips, financing accruals, daily snapshots
/// and positions — the arithmetic of <see cref="Venue.FillPricing"/>, the cost models, <see cref="Ledger"/> and
/// <see cref="RunRecorder"/>, step for step in the same order, on <see cref="ScaledAmount"/> (64-bit scaled integers that
/// reproduce every decimal result exactly, scale included) instead of <see cref="decimal"/>. Records are kept as rows and
/// become the decimal report records (<see cref="FillReport"/>, <see cref="DailySnapshot"/>) only when read; round trips
/// (<see cref="RoundTrip"/>) and positions (<see cref="PositionSnapshot"/>) are rebuilt from the fill, borrow-fee and mark
/// logs when first read, by booking the fills again through the same code. Any amount beyond the exact range throws
/// <see cref="OverflowException"/> and the engine redoes the run on the decimal path. Single-threaded while it runs; the
/// result it builds may be read from any thread.
/// </summary>
internal sealed class ExactBooks
{
    private static readonly ScaledAmount MinPrice = new(1, 4);

    private readonly SymbolTable _symbols;
    private readonly string _strategy;
    private readonly MarginPolicy _margin;
    private readonly ScaledAmount _overnightLeverage;
    private readonly double _intradayLeverageD; // (double) of the decimal leverages, converted once (the screen's doubles)
    private readonly double _overnightLeverageD;
    private readonly int _n;

    // Costs.
    private readonly CommissionSchedule _commission;
    private readonly ScaledAmount _perShare;
    private readonly ScaledAmount _minPerOrder;
    private readonly ScaledAmount _maxPct;
    private readonly ScaledAmount _percent;
    private readonly bool _fees;
    private readonly ScaledAmount _secRate;
    private readonly ScaledAmount _tafPerShare;
    private readonly ScaledAmount _tafMax;
    private readonly Slip _slip;
    private readonly ScaledAmount _fixedFraction;
    private readonly double _fallbackBps;
    private readonly double _maxBps;
    private readonly double _k;
    private readonly BarStatisticsTracker? _stats;
    private readonly int _barsPerSession;
    private readonly double? _cap;
    private readonly bool _borrowFee;
    private readonly ScaledAmount _borrowRate;
    private readonly int _borrowBasis;
    private readonly bool _interest;
    private readonly ScaledAmount _creditRate;
    private readonly ScaledAmount _debitRate;
    private readonly int _interestBasis;

    // Books (the strategy's, equal to the account's: one strategy).
    private readonly long[] _qty;
    private readonly double[] _qtyD;
    private readonly ScaledAmount[] _basis;
    private readonly ScaledAmount[] _realized;
    private readonly ScaledAmount[] _commissionPaid;
    private readonly ScaledAmount[] _feesPaid;
    private readonly ScaledAmount[] _borrowPaid;
    private readonly double[] _mark;
    private readonly bool[] _hasMark;
    private readonly int[] _markCell; // the bar cell whose close is the mark, −1 for a mark from a fill price
    private readonly double[] _closes;
    private int _markRow = -1; // ≥ 0: every mark is the close of the row starting at this cell (read in place); −1: the marks are in _mark
    private readonly long[] _packedCloses;
    private readonly long[] _packedOpens;
    private readonly double[] _tradableOpens;
    private bool _allMarked;
    private ScaledAmount _cash;
    private double _cashD;
    private ScaledAmount _interestTotal;
    private bool _estimateValid;
    private double _grossBound = double.NaN;
    private double _estimate;

    // Records.
    private readonly EquityCurve _equity;
    private readonly RowLog<FillRow, FillReport> _fills;
    private readonly RowLog<BorrowRow, BorrowRow> _borrowLog;
    private readonly VectorizedSpec _spec;
    private int _closedTrades;
    private readonly RowLog<long, long> _marks;
    private readonly RowLog<DailyRow, DailySnapshot> _daily;
    private readonly List<MarginCall> _marginCalls = [];

    private ExactBooks(VectorizedSpec spec, CostModels costs)
    {
        var bars = spec.Bars;
        _symbols = bars.Symbols;
        _n = _symbols.Count;
        _strategy = spec.StrategyName;
        _margin = spec.Margin;
        _overnightLeverage = ScaledAmount.FromDecimal(spec.Margin.OvernightLeverage);
        _intradayLeverageD = (double)spec.Margin.IntradayLeverage;
        _overnightLeverageD = (double)spec.Margin.OvernightLeverage;
        switch (costs.Commission)
        {
            case PerShareCommission c:
                _commission = CommissionSchedule.PerShare;
                _perShare = ScaledAmount.FromDecimal(c.PerShare);
                _minPerOrder = ScaledAmount.FromDecimal(c.MinPerOrder);
                _maxPct = ScaledAmount.FromDecimal(c.MaxPctOfValue);
                break;
            case PercentCommission c:
                _commission = CommissionSchedule.Percent;
                _percent = ScaledAmount.FromDecimal(c.Rate);
                break;
            default:
                _commission = CommissionSchedule.Zero;
                break;
        }

        if (costs.Fees is UsRegulatoryFees f)
        {
            _fees = true;
            _secRate = ScaledAmount.FromDecimal(f.SecFeeRate);
            _tafPerShare = ScaledAmount.FromDecimal(f.FinraTafPerShare);
            _tafMax = ScaledAmount.FromDecimal(f.FinraTafMax);
        }

        _barsPerSession = bars.TimeFrame.IsDaily ? 1 : Math.Max(1, 390 / bars.TimeFrame.Minutes);
        switch (costs.Slippage)
        {
            case FixedBpsSlippage s:
                _slip = Slip.Fixed;
                _fixedFraction = ScaledAmount.FromDecimal((decimal)s.Bps / 10_000m); // as FixedBpsSlippage computes it
                break;
            case HalfSpreadSlippage s:
                _slip = Slip.HalfSpread;
                _fallbackBps = s.FallbackBps;
                _maxBps = s.MaxBps;
                break;
            case SqrtImpactSlippage s:
                _slip = Slip.SqrtImpact;
                _k = s.K;
                _fallbackBps = s.FallbackBps;
                _maxBps = s.MaxBps;
                break;
            default:
                _slip = Slip.None;
                break;
        }

        if (_slip is Slip.HalfSpread or Slip.SqrtImpact)
        {
            _stats = new BarStatisticsTracker(_n, _barsPerSession, spec.Venue.StatisticsSpanBars);
        }

        _cap = spec.Venue.EffectiveCap;
        if (costs.BorrowFee is AnnualRateBorrowFee b)
        {
            _borrowFee = true;
            _borrowRate = ScaledAmount.FromDecimal(b.AnnualRate);
            _borrowBasis = b.DayCountBasis;
        }

        if (costs.Interest is AnnualRateInterest i)
        {
            _interest = true;
            _creditRate = ScaledAmount.FromDecimal(i.CreditRate);
            _debitRate = ScaledAmount.FromDecimal(i.DebitRate);
            _interestBasis = i.DayCountBasis;
        }

        _qty = new long[_n];
        _qtyD = new double[_n];
        _basis = new ScaledAmount[_n];
        _realized = new ScaledAmount[_n];
        _commissionPaid = new ScaledAmount[_n];
        _feesPaid = new ScaledAmount[_n];
        _borrowPaid = new ScaledAmount[_n];
        _mark = new double[_n];
        _hasMark = new bool[_n];
        _markCell = new int[_n];
        _markCell.AsSpan().Fill(-1);
        _packedCloses = bars.PackedCloses;
        _closes = bars.CloseArray;
        _packedOpens = bars.PackedTradableOpens;
        _tradableOpens = bars.TradableOpenArray;
        InitialCapital = spec.InitialCapital;
        _cash = ScaledAmount.FromDecimal(spec.InitialCapital);
        _cashD = (double)spec.InitialCapital;
        _equity = new EquityCurve(bars.Rows);
        _fills = new RowLog<FillRow, FillReport>(MakeFill);
        _borrowLog = new RowLog<BorrowRow, BorrowRow>(static (r, _) => r);
        _marks = new RowLog<long, long>(static (m, _) => m);
        _daily = new RowLog<DailyRow, DailySnapshot>(static (d, _) => new DailySnapshot(
            d.Date, d.CloseUtcTicks, d.Cash.ToDecimal(), d.Equity.ToDecimal(), d.Gross.ToDecimal(), d.Net.ToDecimal(), d.Borrow.ToDecimal(), d.Interest.ToDecimal()));
        _spec = spec;
    }

    private enum Slip
    {
        None,
        Fixed,
        HalfSpread,
        SqrtImpact,
    }

    /// <summary>Starting cash.</summary>
    public decimal InitialCapital { get; }

    /// <summary>True when the slippage model reads bar statistics.</summary>
    public bool TracksStatistics => _stats is not null;

    /// <summary>
    /// The books for <paramref name="spec"/>, or null when its costs are not the built-in models (custom
    /// <see cref="VectorizedSpec.CostModels"/>) or a setting lies outside the exact range: those runs take the decimal path.
    /// </summary>
    public static ExactBooks? TryCreate(VectorizedSpec spec)
    {
        if (spec.CostModels is not null)
        {
            return null;
        }

        var costs = CostModels.FromOptions(spec.Costs);
        bool builtIn = costs.Commission is PerShareCommission or PercentCommission or ZeroCommission
            && costs.Fees is UsRegulatoryFees or NoFees
            && costs.Slippage is FixedBpsSlippage or HalfSpreadSlippage or SqrtImpactSlippage or NoSlippage
            && costs.BorrowFee is AnnualRateBorrowFee or NoBorrowFee
            && costs.Interest is AnnualRateInterest or NoInterest;
        if (!builtIn)
        {
            return null;
        }

        try
        {
            return new ExactBooks(spec, costs);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>True once <paramref name="s"/> has a mark.</summary>
    public bool HasMark(int s) => _markRow >= 0 || _hasMark[s];

    /// <summary>The last mark of <paramref name="s"/>.</summary>
    public double Mark(int s) => _markRow >= 0 ? _closes[_markRow + s] : _mark[s];

    /// <summary>Every symbol's mark (0 where none yet), in place in the closes when a full row set them.</summary>
    private ReadOnlySpan<double> Marks => _markRow >= 0 ? new ReadOnlySpan<double>(_closes, _markRow, _n) : _mark.AsSpan(0, _n);

    /// <summary>Shares held in <paramref name="s"/>.</summary>
    public long Quantity(int s) => _qty[s];

    /// <summary>
    /// Sets the mark of <paramref name="s"/> to the close of bar cell <paramref name="cell"/> (−1: a price that is no
    /// bar's close); <see cref="MarksChanged"/> must follow before valuing.
    /// </summary>
    public void SetMark(int s, double price, int cell)
    {
        if (_markRow >= 0)
        {
            KeepMarks();
        }

        _mark[s] = price;
        _hasMark[s] = true;
        _markCell[s] = cell;
    }

    /// <summary>
    /// Sets the marks of all symbols at once to the closes of the row starting at cell <paramref name="rowStart"/> (every
    /// symbol has a plain bar): they are read in place there until a row sets only some of them.
    /// </summary>
    public void SetMarks(int rowStart)
    {
        if (!_allMarked)
        {
            _hasMark.AsSpan().Fill(true);
            _allMarked = true;
        }

        _markRow = rowStart;
    }

    /// <summary>Copies the marks read in place into the books' own (before a row sets only some of them).</summary>
    private void KeepMarks()
    {
        new ReadOnlySpan<double>(_closes, _markRow, _n).CopyTo(_mark);
        var cells = _markCell.AsSpan(0, _n);
        for (int s = 0; s < cells.Length; s++)
        {
            cells[s] = _markRow + s;
        }

        _markRow = -1;
    }

    /// <summary>Invalidates the per-bar valuation (and the gross bound) after marks were set; fills came before.</summary>
    public void MarksChanged()
    {
        _estimateValid = false;
        _grossBound = double.NaN;
    }

    /// <summary>An order of <paramref name="signedQuantity"/> shares in <paramref name="s"/> was accepted (working shares changed).</summary>
    public void WorkingChanged(int s, long signedQuantity)
    {
        if (!double.IsNaN(_grossBound))
        {
            // |q + w + Δ| ≤ |q + w| + |Δ|: the bound grows by at most |Δ| × mark (with room for rounding).
            _grossBound = (_grossBound + (Math.Abs((double)signedQuantity) * Mark(s))) * (1 + 1e-12);
        }
    }

    /// <summary>
    /// An upper bound of Σ |shares + working| × mark over all symbols, which bounds Ledger.GrossEstimate's sum (any symbol
    /// left out, any order of summation): summed in four independent chains, then raised by 10^-12 (relative rounding
    /// error of 46 terms is below 10^-14). Computed at most once per row (when a buying-power check needs it); accepted orders raise it.
    /// </summary>
    private double GrossBound(ReadOnlySpan<long> working)
    {
        if (double.IsNaN(_grossBound))
        {
            var qd = _qtyD.AsSpan(0, _n);
            var marks = Marks;
            working = working[.._n];
            double g0 = 0, g1 = 0, g2 = 0, g3 = 0;
            int s = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                // Any order of summation bounds the estimate's sum (with the raise below); four lanes at a time.
                var sums = Vector256<double>.Zero;
                for (; s + 4 <= _n; s += 4)
                {
                    var shares = Vector256.Create(qd.Slice(s, 4)) + Vector256.ConvertToDouble(Vector256.Create(working.Slice(s, 4)));
                    sums += Vector256.Abs(shares) * Vector256.Create(marks.Slice(s, 4));
                }

                g0 = sums[0];
                g1 = sums[1];
                g2 = sums[2];
                g3 = sums[3];
            }

            for (; s + 4 <= _n; s += 4)
            {
                g0 += Math.Abs(qd[s] + working[s]) * marks[s];
                g1 += Math.Abs(qd[s + 1] + working[s + 1]) * marks[s + 1];
                g2 += Math.Abs(qd[s + 2] + working[s + 2]) * marks[s + 2];
                g3 += Math.Abs(qd[s + 3] + working[s + 3]) * marks[s + 3];
            }

            for (; s < _n; s++)
            {
                g0 += Math.Abs(qd[s] + working[s]) * marks[s];
            }

            _grossBound = (g0 + g1 + g2 + g3) * (1 + 1e-12);
        }

        return _grossBound;
    }

    /// <summary>Feeds a bar to the slippage statistics.</summary>
    public void Observe(int s, double high, double low, double close, double volume) => _stats?.Update(s, high, low, close, volume);

    /// <summary>Most shares one order may fill on a bar of <paramref name="volume"/>.</summary>
    public long CapQuantity(double volume) => _cap is { } c ? (long)Math.Floor(c * volume) : long.MaxValue;

    /// <summary><see cref="Ledger.EquityEstimate"/>: cash plus positions at the double marks.</summary>
    public double EquityEstimate()
    {
        if (_estimateValid)
        {
            return _estimate;
        }

        // The ledger's sum (the same terms in the same order); the gross bound is summed when a buying-power check needs it.
        double e = EquityEstimateSum.Of(_cashD, _qtyD.AsSpan(0, _n), Marks);
        _estimate = e;
        _estimateValid = true;
        return e;
    }

    /// <summary>Records equity and cash (double) at <paramref name="time"/>.</summary>
    public void RecordEquity(long time) => _equity.Add(time, EquityEstimate(), _cashD);

    /// <summary>
    /// <see cref="BuyingPower.Check"/> for a market order of <paramref name="quantity"/> shares: the same double screen,
    /// the same exact decimal check near the limit, the same reasons.
    /// </summary>
    public string? CheckBuyingPower(ReadOnlySpan<long> working, int symbolId, OrderSide side, long quantity, bool intraday)
    {
        var policy = _margin;
        long current = _qty[symbolId] + working[symbolId];
        long after = current + (side == OrderSide.Buy ? quantity : -quantity);
        if (!policy.AllowShort && after < 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"short sale not allowed in a {policy.Name} account: {_symbols[symbolId]} position with working orders would be {after}");
        }

        bool reduces = Math.Abs(after) <= Math.Abs(current) && (after == 0 || Math.Sign(after) == Math.Sign(current));
        if (reduces)
        {
            return null;
        }

        decimal leverage = intraday ? policy.IntradayLeverage : policy.OvernightLeverage;
        double priceEstimate = Mark(symbolId);
        if (!(priceEstimate > 0))
        {
            return $"no price to value the order: {_symbols[symbolId]} has no bar yet";
        }

        // A proven pass first: if even an upper bound of the gross estimate is under the limit, so is the estimate itself
        // (the screen below would pass; it is bound by a serial chain of 45 additions per order).
        double leverageD = intraday ? _intradayLeverageD : _overnightLeverageD;
        double threshold = leverageD * EquityEstimate() * (1 - 1e-9);
        double upper = ((Math.Abs(after) * priceEstimate) + GrossBound(working)) * (1 + 1e-12);
        if (upper <= threshold)
        {
            return null;
        }

        // Ledger.GrossEstimate: the same terms summed in the same order (two loops around the order's symbol).
        double gross0 = 0;
        var qd = _qtyD.AsSpan(0, _n);
        var marks = Marks;
        working = working[.._n];
        for (int s = 0; s < symbolId; s++)
        {
            gross0 += Math.Abs(qd[s] + working[s]) * marks[s];
        }

        for (int s = symbolId + 1; s < _n; s++)
        {
            gross0 += Math.Abs(qd[s] + working[s]) * marks[s];
        }

        double grossEstimate = (Math.Abs(after) * priceEstimate) + gross0;
        if (grossEstimate <= leverageD * EquityEstimate() * (1 - 1e-9))
        {
            return null;
        }

        // Near the limit: BuyingPower's exact check, in decimal (rare).
        decimal gross = Math.Abs(after) * MarkPriceDecimal(symbolId);
        for (int s = 0; s < working.Length; s++)
        {
            if (s == symbolId)
            {
                continue;
            }

            long q = _qty[s] + working[s];
            if (q != 0)
            {
                gross += Math.Abs(q) * MarkPriceDecimal(s);
            }
        }

        decimal equity = Equity().ToDecimal();
        decimal limit = leverage * equity;
        if (equity <= 0m || gross > limit)
        {
            return string.Create(CultureInfo.InvariantCulture, $"insufficient buying power: gross exposure after the order {PriceMath.RoundCents(gross)} would exceed {leverage}x equity {PriceMath.RoundCents(equity)} = {PriceMath.RoundCents(limit)} ({(intraday ? "intraday" : "overnight")}, {policy.Name})");
        }

        return null;
    }

    /// <summary>
    /// Fills <paramref name="quantity"/> shares of an order at the open of bar cell <paramref name="cell"/>: prices it (slippage, tick),
    /// charges commission and fees on the order's new totals, books it and records it; <paramref name="totals"/> and the
    /// order's filled quantity <paramref name="filledBefore"/> are the order's state before this fill.
    /// </summary>
    public void Fill(int s, OrderId id, OrderSide side, long quantity, long filledBefore, ref ExactOrderTotals totals, int cell, long time)
    {
        long q = quantity;
        long packedOpen = _packedOpens[cell];
        var reference = packedOpen != ScaledAmount.NoPackedPrice ? ScaledAmount.UnpackPrice(packedOpen) : ScaledAmount.Price(_tradableOpens[cell]); // the latter throws
        var price = FillPrice(s, side, q, reference);
        var value = price * q;
        var notional = value.Round(2);
        if (filledBefore == 0)
        {
            // The order's first fill: its totals are still zero (scale 0), and adding or subtracting them changes neither
            // value nor scale, so the sums below reduce to their other operand.
            var first = Commission(q, notional);
            var firstFees = Fees(side, q, notional);
            first = first.Sign <= 0 ? default : first;
            firstFees = firstFees.Sign <= 0 ? default : firstFees;
            Book(s, id, side, q, price, notional, first, firstFees, time);
            totals.Notional = notional;
            totals.Value = value;
            totals.Commission = first;
            totals.Fees = firstFees;
            return;
        }

        long totalQ = filledBefore + q;
        var totalNotional = totals.Notional + notional;
        var commission = Commission(totalQ, totalNotional) - totals.Commission;
        var fees = Fees(side, totalQ, totalNotional) - totals.Fees;
        if (commission.Sign <= 0)
        {
            commission = default;
        }

        if (fees.Sign <= 0)
        {
            fees = default;
        }

        Book(s, id, side, q, price, notional, commission, fees, time);
        totals.Notional = totalNotional;
        totals.Value += value;
        totals.Commission += commission;
        totals.Fees += fees;
    }

    /// <summary>
    /// The session close: financing accruals (interest on cash, borrow fees on shorts), then the daily snapshot, the margin
    /// check and the positions (<see cref="RunRecorder.CloseSession"/> with <see cref="Ledger.AccrueFinancing"/>).
    /// </summary>
    public void CloseSession(TradingSession session, int days, IProgress<RunProgress>? progress, long barsProcessed)
    {
        var credited = default(ScaledAmount);
        if (_interest && days > 0 && _cash.Sign != 0)
        {
            var rate = _cash.Sign > 0 ? _creditRate : _debitRate;
            credited = ScaledAmount.DivRound(_cash * rate * days, _interestBasis, 2);
        }

        if (credited.Sign != 0)
        {
            _cash += credited;
            _interestTotal += credited;
        }

        var borrowTotal = default(ScaledAmount);
        if (_borrowFee)
        {
            for (int s = 0; s < _n; s++)
            {
                long q = _qty[s];
                if (q >= 0)
                {
                    continue;
                }

                var shortValue = MarkPrice(s) * -q;
                if (shortValue.Sign <= 0 || days <= 0)
                {
                    continue;
                }

                var fee = ScaledAmount.DivRound(shortValue * _borrowRate * days, _borrowBasis, 2);
                if (fee.Sign <= 0)
                {
                    continue;
                }

                borrowTotal += fee;
                _cash -= fee;
                _borrowPaid[s] += fee;
                _borrowLog.Add(new BorrowRow(_fills.Count, s, fee)); // the round trip open in s pays it (rebuilt when read)
            }
        }

        _cashD = _cash.ToDouble();
        _estimateValid = false;
        progress?.Report(new RunProgress(session.Date, barsProcessed));
        long time = session.CloseUtc.Ticks;
        // Equity (cash + Σ market value), net and gross exposure and the positions, in one pass in symbol order (the
        // ledger's Equity and Exposures loops add the same values in the same order).
        // The market values are summed at scale 4 (a mark has at most 4 places) with the largest scale among them kept
        // aside: decimal's sums are exact and take the larger scale, so the totals are the same values at the same scales
        // as adding each value in turn (an amount that leaves 64 bits at scale 4 throws, and the run is redone in decimal).
        long net4 = 0, gross4 = 0;
        int scale = 0;
        for (int s = 0; s < _n; s++)
        {
            long q = _qty[s];
            if (q != 0)
            {
                var mark = MarkPrice(s);
                long v4 = checked(mark.UnitsAtScale4() * q);
                net4 = checked(net4 + v4);
                gross4 = checked(gross4 + Math.Abs(v4));
                scale = Math.Max(scale, mark.Scale);
                _marks.Add((mark.Units << 3) | (long)mark.Scale); // |units| < 10^15 (ScaledAmount.Price), scale ≤ 4
            }
        }

        var net = ScaledAmount.FromScale4(net4, scale);
        var gross = ScaledAmount.FromScale4(gross4, scale);
        var equity = _cash + net;

        _daily.Add(new DailyRow(session.Date, time, _cash, equity, gross, net, borrowTotal, credited) { Fills = _fills.Count });
        if (ScaledAmount.GreaterThanProduct(gross, _overnightLeverage, equity))
        {
            _marginCalls.Add(new MarginCall(session.Date, gross.ToDecimal(), equity.ToDecimal(), _margin.OvernightLeverage));
        }
    }

    /// <summary>Assembles the result (<see cref="RunRecorder.Build"/>).</summary>
    public RunResult Build(IReadOnlyList<OrderReport> orders, long barsProcessed, int timeSteps)
    {
        // A round trip is open in every symbol with a position (it opens when the position leaves zero and closes when
        // it returns to zero or crosses it); both lists and the positions are rebuilt from the logs, in one pass, when first read.
        int openTrades = 0;
        for (int s = 0; s < _n; s++)
        {
            openTrades += _qty[s] != 0 ? 1 : 0;
        }

        var records = new Lazy<ReplayedRecords>(Replay);
        var symbolPnl = new List<PnlBreakdown>(_n);
        decimal r = 0, u = 0, c = 0, f = 0, b = 0;
        for (int s = 0; s < _n; s++)
        {
            decimal realized = _realized[s].ToDecimal();
            decimal unrealized = (_qty[s] * MarkPriceDecimal(s)) - _basis[s].ToDecimal();
            decimal commission = _commissionPaid[s].ToDecimal();
            decimal fees = _feesPaid[s].ToDecimal();
            decimal borrow = _borrowPaid[s].ToDecimal();
            symbolPnl.Add(new PnlBreakdown(_symbols[s], realized, unrealized, commission, fees, borrow, 0m));
            r += realized;
            u += unrealized;
            c += commission;
            f += fees;
            b += borrow;
        }

        return new RunResult
        {
            Engine = "vectorized",
            Symbols = _symbols,
            Strategies = [_strategy],
            InitialCapital = InitialCapital,
            FinalCash = _cash.ToDecimal(),
            FinalEquity = Equity().ToDecimal(),
            Equity = _equity,
            Orders = orders,
            Fills = _fills,
            Trades = new Deferred<RoundTrip>(new Lazy<IReadOnlyList<RoundTrip>>(() => records.Value.Closed), _closedTrades),
            OpenTrades = new Deferred<RoundTrip>(new Lazy<IReadOnlyList<RoundTrip>>(() => records.Value.Open), openTrades),
            Positions = new Deferred<PositionSnapshot>(new Lazy<IReadOnlyList<PositionSnapshot>>(() => records.Value.Positions), _marks.Count),
            Daily = _daily,
            SymbolPnl = symbolPnl,
            StrategyPnl = [new PnlBreakdown(_strategy, r, u, c, f, b, 0m)],
            TotalPnl = new PnlBreakdown("total", r, u, c, f, b, _interestTotal.ToDecimal()),
            MarginCalls = _marginCalls,
            BarsProcessed = barsProcessed,
            TimeSteps = timeSteps,
        };
    }

    /// <summary><see cref="Venue.FillPricing.Price"/> for a market order: the reference moved by the slippage, to the tick, at least a tick.</summary>
    private ScaledAmount FillPrice(int s, OrderSide side, long quantity, ScaledAmount reference)
    {
        var p = reference;
        switch (_slip)
        {
            case Slip.Fixed:
                p = Slipped(reference, _fixedFraction, side);
                break;
            case Slip.HalfSpread:
            {
                double spread = _stats![s].CorwinSchultzSpread();
                double half = double.IsNaN(spread) ? _fallbackBps / 10_000.0 : Math.Min(spread / 2.0, _maxBps / 10_000.0);
                p = Slipped(reference, ScaledAmount.FromDecimal((decimal)half), side);
                break;
            }

            case Slip.SqrtImpact:
            {
                ref readonly var st = ref _stats![s];
                double sigma = st.DailyVolatility(_barsPerSession);
                double adv = st.AverageDailyVolume(_barsPerSession);
                double impact = double.IsNaN(sigma) || !(adv > 0)
                    ? _fallbackBps / 10_000.0
                    : Math.Min(_k * sigma * Math.Sqrt(quantity / adv), _maxBps / 10_000.0);
                p = Slipped(reference, ScaledAmount.FromDecimal((decimal)impact), side);
                break;
            }
        }

        p = p.Round(4);
        return p < MinPrice ? MinPrice : p;
    }

    /// <summary>
    /// reference ± reference × fraction (decimal: the product at the sum of the scales, the sum at the larger scale) when
    /// the slippage is positive; computed in 128 bits, then rounded to the tick as the caller does. Returns the unrounded
    /// sum when it fits 64 bits at its scale, else the sum already rounded to $0.0001 (the same after the caller's round).
    /// </summary>
    private static ScaledAmount Slipped(ScaledAmount reference, ScaledAmount fraction, OrderSide side)
    {
        int scale = reference.Scale + fraction.Scale;
        if (scale > 28)
        {
            throw new OverflowException("Scale beyond decimal's exact range.");
        }

        long r = reference.Units, f = fraction.Units;
        if (r <= 0 || f <= 0)
        {
            return reference; // the slippage is not positive: the price stays the reference
        }

        // 64 bits when the product and the aligned reference fit (fixed bps: always).
        long rf = fraction.Scale <= 18 ? PowersOf10[fraction.Scale] : 0;
        long hiSlip = Math.BigMul(r, f, out long slip64);
        long hiRef = Math.BigMul(r, rf, out long ref64);
        if (rf != 0 && hiSlip == 0 && slip64 >= 0 && hiRef == 0 && ref64 >= 0 && slip64 <= long.MaxValue - ref64)
        {
            long sum = ref64 + (side == OrderSide.Buy ? slip64 : -slip64);
            return scale <= 4 ? new ScaledAmount(sum, scale) : new ScaledAmount(ScaledAmount.DivPow10RoundHalfAway(sum, scale - 4), 4);
        }

        return Slipped128(reference, fraction, side, scale);
    }

    private static ScaledAmount Slipped128(ScaledAmount reference, ScaledAmount fraction, OrderSide side, int scale)
    {
        Int128 slip = (Int128)reference.Units * fraction.Units;
        Int128 sum = ((Int128)reference.Units * Pow10(fraction.Scale)) + (side == OrderSide.Buy ? slip : -slip);
        if (Int128.Abs(sum) >> 95 != 0 || Int128.Abs(slip) >> 95 != 0)
        {
            throw new OverflowException("Amount beyond decimal's exact range.");
        }

        if (scale <= 4)
        {
            return new ScaledAmount(checked((long)sum), scale);
        }

        // Round half away from zero to 4 places (what Round(4) would do on the unrounded sum).
        Int128 d = Pow10(scale - 4);
        Int128 q = sum / d;
        Int128 rem = sum - (q * d);
        Int128 absRem = Int128.Abs(rem);
        if (absRem != 0 && absRem >= d - absRem)
        {
            q += sum < 0 ? -1 : 1;
        }

        return new ScaledAmount(checked((long)q), 4);
    }

    private static readonly long[] PowersOf10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000];

    private static Int128 Pow10(int k)
    {
        Int128 p = 1;
        for (int i = 0; i < k; i++)
        {
            p *= 10;
        }

        return p;
    }

    /// <summary>The commission model's total for an order at these totals.</summary>
    private ScaledAmount Commission(long totalQuantity, ScaledAmount totalNotional)
    {
        switch (_commission)
        {
            case CommissionSchedule.PerShare:
            {
                if (totalQuantity <= 0)
                {
                    return default;
                }

                var c = ScaledAmount.Max(_perShare * totalQuantity, _minPerOrder);
                if (_maxPct.Sign > 0)
                {
                    c = ScaledAmount.Min(c, totalNotional * _maxPct);
                }

                return c.Round(2);
            }

            case CommissionSchedule.Percent:
                return (totalNotional * _percent).Round(2);
            default:
                return default;
        }
    }

    /// <summary>The fee model's total for an order at these totals (SEC fee and FINRA TAF on sales, each up to the cent).</summary>
    private ScaledAmount Fees(OrderSide side, long totalQuantity, ScaledAmount totalNotional)
    {
        if (!_fees || side != OrderSide.Sell || totalQuantity <= 0)
        {
            return default;
        }

        var sec = (totalNotional * _secRate).CeilingCents();
        var taf = ScaledAmount.Min((_tafPerShare * totalQuantity).CeilingCents(), _tafMax);
        return sec + taf;
    }

    /// <summary>RunRecorder.BookFill: the ledger (cash, books) and the fill log and round trips.</summary>
    private void Book(int s, OrderId id, OrderSide side, long quantity, ScaledAmount price, ScaledAmount notional,
        ScaledAmount commission, ScaledAmount fees, long time)
    {
        long before = _qty[s];
        long q = side == OrderSide.Buy ? quantity : -quantity;
        if (ApplyTrade(ref _qty[s], ref _basis[s], q, notional, out var realized, out _))
        {
            _realized[s] += realized;
        }

        _commissionPaid[s] += commission;
        _feesPaid[s] += fees;
        _qtyD[s] = _qty[s];
        _cash += (q > 0 ? -notional : notional) - commission - fees;
        _cashD = _cash.ToDouble();
        if (!HasMark(s))
        {
            SetMark(s, price.ToDouble(), -1);
        }

        _estimateValid = false;
        _fills.Add(new FillRow(id, s, side, quantity, price, commission, fees, time));
        long after = before + q;
        if (before != 0 && (after == 0 || (after > 0) != (before > 0)))
        {
            _closedTrades++; // the round trip in s closes here (the trade log itself is rebuilt when read)
        }
    }

    /// <summary>
    /// <see cref="Ledger"/>'s trade booking of <paramref name="q"/> signed shares on a position of <paramref name="held"/> shares
    /// and cost basis <paramref name="basis"/>: basis removed pro rata on reductions. Returns true on a reduction, with the
    /// realized P&amp;L (which the caller adds to the symbol's) in <paramref name="realized"/>.
    /// </summary>
    /// <remarks>
    /// <paramref name="closeValue"/>: on a reduction, the notional of the closing shares (|vClose|: DivRound rounds away from
    /// zero, so the round trip's share of a sale's notional is the same number), which the round-trip tracking reuses.
    /// </remarks>
    private static bool ApplyTrade(ref long held, ref ScaledAmount basis, long q, ScaledAmount notional, out ScaledAmount realized, out ScaledAmount closeValue)
    {
        closeValue = notional;
        var v = q > 0 ? notional : -notional;
        long held0 = held;
        if (held0 == 0 || (held0 > 0) == (q > 0))
        {
            basis += v;
            held = held0 + q;
            realized = default;
            return false;
        }

        long heldAbs = Math.Abs(held0);
        long traded = Math.Abs(q);
        long closing = Math.Min(heldAbs, traded);
        var vClose = closing == traded ? v : ScaledAmount.MulDivRound(v, closing, traded, 8);
        var removed = closing == heldAbs ? basis : ScaledAmount.MulDivRound(basis, closing, heldAbs, 8);
        closeValue = q > 0 ? vClose : -vClose;
        realized = -vClose - removed;
        basis -= removed;
        held = held0 + q;
        if (traded > heldAbs)
        {
            basis += v - vClose;
        }

        return true;
    }

    /// <summary><see cref="RunRecorder"/>'s round-trip tracking of one fill in symbol <paramref name="s"/> (<paramref name="t"/> its open round trip).</summary>
    private static void TrackTrade(ref TradeRow t, List<TradeRow> closed, int s, long q, ScaledAmount notional, ScaledAmount cost, long time, long before,
        ScaledAmount realized, ScaledAmount closeNotional)
    {
        long after = before + q;
        if (before == 0)
        {
            t = TradeRow.Start(s, q, time, Math.Abs(q), notional, cost);
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
        var closeValue = flip ? closeNotional : notional; // = DivRound(notional × closing, traded, 8), from ApplyTrade
        var closeCost = flip ? ScaledAmount.MulDivRound(cost, closing, traded, 8) : cost;
        t.ExitQuantity += closing;
        t.ExitValue += closeValue;
        t.Gross += realized;
        t.Costs += closeCost;
        if (after == 0 || flip)
        {
            t.Active = false;
            t.ExitTime = time;
            closed.Add(t);
            t = default;
        }

        if (flip)
        {
            t = TradeRow.Start(s, q, time, traded - closing, notional - closeValue, cost - closeCost);
        }
    }

    /// <summary>
    /// The round trips, closed (in closing order) and open at the end (in symbol order), and the positions at every
    /// session close, rebuilt in one pass over the fill, borrow and mark logs: the fills replayed in order through the same
    /// trade booking and round-trip tracking the run would have done fill by fill (the same arithmetic on the same amounts,
    /// so the same results), each session's borrow fees charged to the round trips open at that close, and at each close
    /// each symbol held, in symbol order, with the shares and cost basis booked so far and the mark the close logged.
    /// </summary>
    private ReplayedRecords Replay()
    {
        try
        {
            var (closed, open, positions) = ReplayLogs();
            return new ReplayedRecords(
                new Records<TradeRow, RoundTrip>(closed, MakeTrade),
                new Records<TradeRow, RoundTrip>(open, MakeTrade),
                new Records<PositionRow, PositionSnapshot>(positions, MakePosition));
        }
        catch (OverflowException)
        {
            // A round trip's sums left the exact 64-bit range (the run's own amounts did not): the decimal path's run gives
            // the same records in decimal.
            var run = VectorizedBacktester.RunOnDecimalPath(_spec);
            return new ReplayedRecords(run.Trades, run.OpenTrades, run.Positions);
        }
    }

    /// <summary>Fill <paramref name="f"/>'s trade booking again (its notional as <see cref="Fill"/> worked it out).</summary>
    private static void ReplayBooking(in FillRow f, ref long held, ref ScaledAmount basis, out long q, out ScaledAmount notional,
        out ScaledAmount realized, out ScaledAmount closeValue)
    {
        long quantity = f.Quantity;
        q = f.Side == OrderSide.Buy ? quantity : -quantity;
        notional = (f.Price * quantity).Round(2);
        ApplyTrade(ref held, ref basis, q, notional, out realized, out closeValue);
    }

    private (List<TradeRow> Closed, List<TradeRow> Open, List<PositionRow> Positions) ReplayLogs()
    {
        var held = new long[_n];
        var basis = new ScaledAmount[_n];
        var open = new TradeRow[_n];
        var closed = new List<TradeRow>(_closedTrades);
        var positions = new List<PositionRow>(_marks.Count);
        int next = 0, borrow = 0, cursor = 0;
        for (int day = 0; day <= _daily.Count; day++)
        {
            // Borrow fees are charged at a close after its fills, before its snapshot (which they do not change).
            int end = day < _daily.Count ? _daily.Row(day).Fills : _fills.Count;
            for (; borrow < _borrowLog.Count && _borrowLog.Row(borrow).Fills <= end; borrow++)
            {
                ref readonly var e = ref _borrowLog.Row(borrow);
                next = ReplayFills(next, e.Fills, held, basis, open, closed);
                ref var t = ref open[e.Symbol];
                if (t.Active)
                {
                    t.Costs += e.Fee;
                }
            }

            next = ReplayFills(next, end, held, basis, open, closed);
            if (day == _daily.Count)
            {
                break;
            }

            for (int s = 0; s < _n; s++)
            {
                if (held[s] != 0)
                {
                    long m = _marks.Row(cursor++);
                    positions.Add(new PositionRow(day, s, held[s], basis[s], new ScaledAmount(m >> 3, (int)(m & 7))));
                }
            }
        }

        var stillOpen = new List<TradeRow>();
        foreach (var t in open)
        {
            if (t.Active)
            {
                stillOpen.Add(t);
            }
        }

        return (closed, stillOpen, positions);
    }

    /// <summary>Books fills <paramref name="next"/> up to <paramref name="end"/> again and tracks their round trips; returns <paramref name="end"/>.</summary>
    private int ReplayFills(int next, int end, long[] held, ScaledAmount[] basis, TradeRow[] open, List<TradeRow> closed)
    {
        for (; next < end; next++)
        {
            ref readonly var f = ref _fills.Row(next);
            int s = f.Symbol;
            long before = held[s];
            ReplayBooking(f, ref held[s], ref basis[s], out long q, out var notional, out var realized, out var closeValue);
            TrackTrade(ref open[s], closed, s, q, notional, f.Commission + f.Fees, f.TimeUtcTicks, before, realized, closeValue);
        }

        return next;
    }

    /// <summary><see cref="Ledger.Equity"/>: cash plus positions at the marks rounded to $0.0001.</summary>
    private ScaledAmount Equity()
    {
        var e = _cash;
        for (int s = 0; s < _n; s++)
        {
            long q = _qty[s];
            if (q != 0)
            {
                e += MarkPrice(s) * q;
            }
        }

        return e;
    }

    /// <summary><see cref="Ledger.MarkPrice"/>: the mark at $0.0001, 0 before any mark (a close's read from the data set's packed closes).</summary>
    private ScaledAmount MarkPrice(int s)
    {
        int cell = _markRow >= 0 ? _markRow + s : _markCell[s];
        if (cell >= 0 && _packedCloses[cell] is var packed && packed != ScaledAmount.NoPackedPrice)
        {
            return ScaledAmount.UnpackPrice(packed);
        }

        return HasMark(s) ? ScaledAmount.Price(Mark(s)) : default; // a fill price's mark, or a close Price refuses (it throws)
    }

    private decimal MarkPriceDecimal(int s) => MarkPrice(s).ToDecimal();

    private FillReport MakeFill(FillRow r, int index) => new(
        index + 1, _strategy,
        new Fill(new OrderId(r.OrderId), _symbols[r.Symbol], r.Side, r.Quantity, r.Price.ToDecimal(), r.Commission.ToDecimal(), r.Fees.ToDecimal(), r.TimeUtcTicks));

    private PositionSnapshot MakePosition(PositionRow r)
    {
        ref readonly var day = ref _daily.Row(r.Day);
        decimal basis = r.CostBasis.ToDecimal();
        decimal mark = r.Mark.ToDecimal();
        decimal average = PriceMath.DivRound(basis, r.Quantity, PriceMath.PriceDecimals);
        decimal mv = r.Quantity * mark;
        return new PositionSnapshot(day.CloseUtcTicks, day.Date, _strategy, _symbols[r.Symbol], r.Quantity, average, mark, mv, mv - basis);
    }

    private RoundTrip MakeTrade(TradeRow t) => new(
        _strategy,
        _symbols[t.Symbol],
        t.Direction,
        t.EntryTime,
        t.Active ? null : t.ExitTime,
        t.MaxQuantity,
        t.EntryQuantity == 0 ? 0m : PriceMath.DivRound(t.EntryValue.ToDecimal(), t.EntryQuantity, PriceMath.PriceDecimals),
        t.ExitQuantity == 0 ? 0m : PriceMath.DivRound(t.ExitValue.ToDecimal(), t.ExitQuantity, PriceMath.PriceDecimals),
        t.Gross.ToDecimal(),
        t.Costs.ToDecimal(),
        t.FillCount);

    /// <summary>A fill as booked (the fill log's row; its sequence number is its place in the log + 1).</summary>
    private readonly struct FillRow(OrderId orderId, int symbol, OrderSide side, long quantity, ScaledAmount price, ScaledAmount commission,
        ScaledAmount fees, long time)
    {
        // Amounts as mantissa and scale fields side by side: 56 bytes a row instead of 88.
        private readonly long _quantity = quantity;
        private readonly long _time = time;
        private readonly long _orderId = orderId.Value;
        private readonly long _price = price.Units;
        private readonly long _commission = commission.Units;
        private readonly long _fees = fees.Units;
        private readonly int _symbol = symbol;
        private readonly byte _side = (byte)side;
        private readonly byte _priceScale = (byte)price.Scale;
        private readonly byte _commissionScale = (byte)commission.Scale;
        private readonly byte _feesScale = (byte)fees.Scale;

        public long OrderId => _orderId;

        public int Symbol => _symbol;

        public OrderSide Side => (OrderSide)_side;

        public long Quantity => _quantity;

        public ScaledAmount Price => new(_price, _priceScale);

        public ScaledAmount Commission => new(_commission, _commissionScale);

        public ScaledAmount Fees => new(_fees, _feesScale);

        public long TimeUtcTicks => _time;
    }

    /// <summary>A position at a session close (the close's time and date are those of daily row <see cref="Day"/>).</summary>
    private readonly struct PositionRow(int day, int symbol, long quantity, ScaledAmount costBasis, ScaledAmount mark)
    {
        private readonly long _quantity = quantity;
        private readonly long _basis = costBasis.Units;
        private readonly long _mark = mark.Units;
        private readonly int _day = day;
        private readonly int _symbol = symbol;
        private readonly byte _basisScale = (byte)costBasis.Scale;
        private readonly byte _markScale = (byte)mark.Scale;

        public int Day => _day;

        public int Symbol => _symbol;

        public long Quantity => _quantity;

        public ScaledAmount CostBasis => new(_basis, _basisScale);

        public ScaledAmount Mark => new(_mark, _markScale);
    }

    /// <summary>A borrow fee charged to symbol <see cref="Symbol"/> at a session close, after the first <see cref="Fills"/> fills.</summary>
    private readonly struct BorrowRow(int fills, int symbol, ScaledAmount fee)
    {
        private readonly long _fee = fee.Units;
        private readonly int _fills = fills;
        private readonly int _symbol = symbol;
        private readonly int _feeScale = fee.Scale;

        public int Fills => _fills;

        public int Symbol => _symbol;

        public ScaledAmount Fee => new(_fee, _feeScale);
    }

    /// <summary>The records rebuilt from the logs (<see cref="Replay"/>).</summary>
    private sealed record ReplayedRecords(IReadOnlyList<RoundTrip> Closed, IReadOnlyList<RoundTrip> Open, IReadOnlyList<PositionSnapshot> Positions);

    /// <summary>Records rebuilt from the logs when first read (once, thread-safe), their number known from the run.</summary>
    private sealed class Deferred<T>(Lazy<IReadOnlyList<T>> items, int count) : IReadOnlyList<T>
    {
        public int Count => count;

        public T this[int index] => (uint)index < (uint)count ? items.Value[index] : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<T> GetEnumerator() => items.Value.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Rebuilt rows handed out as records (a new, equal record at each read).</summary>
    private sealed class Records<TRow, TItem>(List<TRow> rows, Func<TRow, TItem> make) : IReadOnlyList<TItem>
    {
        public int Count => rows.Count;

        public TItem this[int index] => make(rows[index]);

        public IEnumerator<TItem> GetEnumerator()
        {
            for (int i = 0; i < rows.Count; i++)
            {
                yield return make(rows[i]);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The account at a session close.</summary>
    private readonly record struct DailyRow(DateOnly Date, long CloseUtcTicks, ScaledAmount Cash, ScaledAmount Equity, ScaledAmount Gross,
        ScaledAmount Net, ScaledAmount Borrow, ScaledAmount Interest)
    {
        /// <summary>Fills booked before this close.</summary>
        public int Fills { get; init; }
    }

    /// <summary>A round trip being built (in the per-symbol slot) or closed (in the trade log).</summary>
    private struct TradeRow
    {
        public bool Active;
        public int Symbol;
        public TradeDirection Direction;
        public long EntryTime;
        public long ExitTime;
        public long EntryQuantity;
        public ScaledAmount EntryValue;
        public long ExitQuantity;
        public ScaledAmount ExitValue;
        public long MaxQuantity;
        public ScaledAmount Gross;
        public ScaledAmount Costs;
        public int FillCount;

        public static TradeRow Start(int symbol, long signedQuantity, long time, long quantity, ScaledAmount value, ScaledAmount cost) => new()
        {
            Active = true,
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

using System.Runtime.CompilerServices;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Ports;
using AlphaTrade.Engine.Costs;

namespace AlphaTrade.Engine.Portfolio;

/// <summary>
/// The account's books in <see cref="decimal"/>: cash, and per symbol a position with cost basis, realized P&amp;L,
/// commission, fees and borrow fees — once for the account and once per strategy (attribution). Long and short;
/// a fill through zero closes the old position and opens the new one at the fill price.
/// <para>
/// Money changes only at fills and financing accruals, exactly: a fill moves cash by its notional (to the cent)
/// and costs; cost basis is removed pro rata on reductions (so realized − basis always equals the cash the
/// trades moved). Marks are bar closes kept as <see cref="double"/>: <see cref="EquityEstimate"/> is the per-bar
/// double valuation; <see cref="Equity"/> values positions at the marks rounded to $0.0001, exactly, and is what
/// sizing, buying power and daily snapshots use. Single-threaded.
/// </para>
/// </summary>
public sealed class Ledger : IPortfolioView, IPositionValues
{
    private readonly SymbolTable _symbols;
    private readonly string[] _strategies;
    private readonly Book[] _account;
    private readonly Book[] _byStrategy;
    private readonly bool _single;
    private readonly double[] _qty;
    private readonly double[] _mark;
    private readonly bool[] _hasMark;
    private readonly decimal[] _markPrice;
    private readonly bool[] _markPriceValid;
    private decimal _cash;
    private double _cashDouble;
    private decimal _interest;
    private long _version;
    private long _equityVersion = -1;
    private long _exposureVersion = -1;
    private long _openVersion = -1;
    private decimal _gross;
    private decimal _net;
    private PositionInfo[]? _open;
    private decimal _equity;
    private long _estimateVersion = -1;
    private double _estimate;
    private readonly decimal[] _values;
    private long _valuesVersion = -1;

    /// <summary>Creates the books of an account holding <paramref name="initialCapital"/> in cash.</summary>
    public Ledger(SymbolTable symbols, IReadOnlyList<string> strategies, decimal initialCapital)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(strategies);
        if (strategies.Count == 0)
        {
            throw new ArgumentException("A ledger needs at least one strategy book.", nameof(strategies));
        }

        _symbols = symbols;
        _strategies = [.. strategies];
        int n = symbols.Count;
        _account = new Book[n];
        // With one strategy its book is the account's at all times: one array serves both (each fill is booked once).
        _single = _strategies.Length == 1;
        _byStrategy = _single ? _account : new Book[n * _strategies.Length];
        _qty = new double[n];
        _mark = new double[n];
        _hasMark = new bool[n];
        _markPrice = new decimal[n];
        _markPriceValid = new bool[n];
        _values = new decimal[n];
        InitialCapital = initialCapital;
        _cash = initialCapital;
        _cashDouble = (double)initialCapital;
    }

    /// <summary>The symbols, ids as in the books.</summary>
    public SymbolTable Symbols => _symbols;

    /// <summary>Strategy names, index = strategy id.</summary>
    public IReadOnlyList<string> Strategies => _strategies;

    /// <summary>Cash at the start.</summary>
    public decimal InitialCapital { get; }

    /// <inheritdoc />
    public decimal Cash => _cash;

    /// <summary>Cash as a double (for per-bar valuation).</summary>
    public double CashEstimate => _cashDouble;

    /// <summary>Interest credited so far (negative when paid).</summary>
    public decimal InterestTotal => _interest;

    /// <summary>Changes whenever cash, a position or a mark changes (for caching derived values).</summary>
    public long Version => _version;

    /// <inheritdoc />
    public decimal Equity
    {
        get
        {
            if (_equityVersion != _version)
            {
                var values = MarketValues();
                decimal e = _cash;
                for (int s = 0; s < values.Length; s++)
                {
                    if (_account[s].Quantity != 0)
                    {
                        e += values[s];
                    }
                }

                _equity = e;
                _equityVersion = _version;
            }

            return _equity;
        }
    }

    /// <inheritdoc />
    public decimal GrossExposure
    {
        get
        {
            Exposures();
            return _gross;
        }
    }

    /// <inheritdoc />
    public decimal NetExposure
    {
        get
        {
            Exposures();
            return _net;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ValueSymbols => _symbols.Symbols;

    /// <inheritdoc />
    public long ValuesVersion => _version;

    /// <inheritdoc />
    public int ValueIndex(string symbol) => _symbols.TryGetId(symbol, out var id) ? id : -1;

    /// <inheritdoc />
    /// <remarks>
    /// Computed once per change of a mark or a position (equity, exposures and the risk layer's per-order checks all
    /// read these, so each bar multiplies quantity by mark once per symbol).
    /// </remarks>
    public ReadOnlySpan<decimal> MarketValues()
    {
        if (_valuesVersion != _version)
        {
            for (int s = 0; s < _account.Length; s++)
            {
                long q = _account[s].Quantity;
                _values[s] = q != 0 ? q * MarkPrice(s) : 0m;
            }

            _valuesVersion = _version;
        }

        return _values;
    }

    /// <summary>Gross and net exposure, cached until a mark or a position changes (pre-trade checks read them per order).</summary>
    private void Exposures()
    {
        if (_exposureVersion == _version)
        {
            return;
        }

        var values = MarketValues();
        decimal g = 0m, n = 0m;
        for (int s = 0; s < values.Length; s++)
        {
            if (_account[s].Quantity != 0)
            {
                decimal v = values[s];
                n += v;
                g += Math.Abs(v);
            }
        }

        _gross = g;
        _net = n;
        _exposureVersion = _version;
    }

    /// <summary>Cash plus positions at the double marks: the per-bar valuation (no decimal work; cached until something changes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double EquityEstimate()
    {
        if (_estimateVersion == _version)
        {
            return _estimate;
        }

        double e = EquityEstimateSum.Of(_cashDouble, _qty, _mark);
        _estimate = e;
        _estimateVersion = _version;
        return e;
    }

    /// <summary>Account shares plus <paramref name="working"/> shares, valued at the double marks, summed in absolute value.</summary>
    internal double GrossEstimate(ReadOnlySpan<long> working, int skip)
    {
        double g = 0;
        var q = _qty;
        var m = _mark;
        for (int s = 0; s < q.Length; s++)
        {
            if (s != skip)
            {
                g += Math.Abs(q[s] + working[s]) * m[s];
            }
        }

        return g;
    }

    /// <summary>Account shares in <paramref name="symbolId"/>.</summary>
    public long Quantity(int symbolId) => _account[symbolId].Quantity;

    /// <summary>Shares strategy <paramref name="strategyId"/> holds in <paramref name="symbolId"/>.</summary>
    public long StrategyQuantity(int strategyId, int symbolId) => _byStrategy[(strategyId * _account.Length) + symbolId].Quantity;

    /// <summary>Signed cost basis of strategy <paramref name="strategyId"/>'s position in <paramref name="symbolId"/>.</summary>
    internal decimal StrategyCostBasis(int strategyId, int symbolId) => _byStrategy[(strategyId * _account.Length) + symbolId].CostBasis;

    /// <summary>The account's books for <paramref name="symbolId"/>.</summary>
    public PositionState AccountPosition(int symbolId) => _account[symbolId].ToState();

    /// <summary>Strategy <paramref name="strategyId"/>'s books for <paramref name="symbolId"/>.</summary>
    public PositionState StrategyPosition(int strategyId, int symbolId) => _byStrategy[(strategyId * _account.Length) + symbolId].ToState();

    /// <summary>True once <paramref name="symbolId"/> has a mark.</summary>
    public bool HasMark(int symbolId) => _hasMark[symbolId];

    /// <summary>The last mark of <paramref name="symbolId"/> (0 before any).</summary>
    public double Mark(int symbolId) => _mark[symbolId];

    /// <summary>Sets the mark of <paramref name="symbolId"/> (a bar close); called once per bar, allocation-free.</summary>
    public void SetMark(int symbolId, double price)
    {
        _mark[symbolId] = price;
        _hasMark[symbolId] = true;
        _markPriceValid[symbolId] = false;
        _version++;
    }

    /// <summary>The mark of <paramref name="symbolId"/> as a decimal price ($0.0001), 0 before any mark.</summary>
    public decimal MarkPrice(int symbolId)
    {
        if (!_markPriceValid[symbolId])
        {
            _markPrice[symbolId] = _hasMark[symbolId] ? PriceMath.ToPrice(_mark[symbolId]) : 0m;
            _markPriceValid[symbolId] = true;
        }

        return _markPrice[symbolId];
    }

    /// <summary>
    /// Books <paramref name="fill"/> for strategy <paramref name="strategyId"/>: cash, the account position and the
    /// strategy position. Returns the strategy-level realized P&amp;L of the fill (before costs).
    /// </summary>
    public decimal ApplyFill(int strategyId, int symbolId, Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (!string.Equals(fill.Symbol, _symbols[symbolId], StringComparison.Ordinal))
        {
            throw new ArgumentException($"Fill for {fill.Symbol} booked under symbol id {symbolId} ({_symbols[symbolId]}).", nameof(fill));
        }

        return ApplyFill(strategyId, symbolId, fill.SignedQuantity, fill.Price, fill.Notional, fill.Commission, fill.Fees);
    }

    /// <summary>
    /// Books a fill given by its parts (no <see cref="Fill"/> object): <paramref name="signedQuantity"/> shares (negative
    /// for a sale) at <paramref name="price"/>, <paramref name="notional"/> = |quantity| × price rounded to the cent.
    /// </summary>
    internal decimal ApplyFill(int strategyId, int symbolId, long signedQuantity, decimal price, decimal notional, decimal commission, decimal fees)
    {
        long q = signedQuantity;
        ref var acct = ref _account[symbolId];
        decimal realized = ApplyTrade(ref acct, q, notional);
        acct.Commission += commission;
        acct.Fees += fees;
        if (!_single)
        {
            ref var strat = ref _byStrategy[(strategyId * _account.Length) + symbolId];
            realized = ApplyTrade(ref strat, q, notional);
            strat.Commission += commission;
            strat.Fees += fees;
        }
        _qty[symbolId] = acct.Quantity;
        _cash += (q > 0 ? -notional : notional) - commission - fees;
        _cashDouble = (double)_cash;
        if (!_hasMark[symbolId])
        {
            SetMark(symbolId, (double)price);
        }

        _version++;
        return realized;
    }

    /// <summary>Charges a borrow fee to a strategy's short in a symbol.</summary>
    public void ChargeBorrowFee(int strategyId, int symbolId, decimal amount)
    {
        _cash -= amount;
        _cashDouble = (double)_cash;
        _account[symbolId].Borrow += amount;
        if (!_single)
        {
            _byStrategy[(strategyId * _account.Length) + symbolId].Borrow += amount;
        }
        _version++;
    }

    /// <summary>Credits (positive) or charges (negative) interest on the account.</summary>
    public void CreditInterest(decimal amount)
    {
        _cash += amount;
        _cashDouble = (double)_cash;
        _interest += amount;
        _version++;
    }

    /// <summary>
    /// Accrues one session's financing at the current marks: interest on the cash balance, then borrow fees on each
    /// short, split between the strategies short in the symbol by their short quantity (the last takes the
    /// rounding remainder). <paramref name="onBorrow"/> hears each (strategy, symbol, amount) charged.
    /// </summary>
    public (decimal Borrow, decimal Interest) AccrueFinancing(IBorrowFeeModel borrowFee, IInterestModel interest, int days,
        Action<int, int, decimal>? onBorrow = null)
    {
        ArgumentNullException.ThrowIfNull(borrowFee);
        ArgumentNullException.ThrowIfNull(interest);
        decimal credited = interest.Interest(new InterestParameters(_cash, days));
        if (credited != 0m)
        {
            CreditInterest(credited);
        }

        decimal borrowTotal = 0m;
        int n = _account.Length;
        for (int s = 0; s < n; s++)
        {
            long q = _account[s].Quantity;
            if (q >= 0)
            {
                continue;
            }

            decimal fee = borrowFee.BorrowFee(new BorrowFeeParameters(_symbols[s], -q * MarkPrice(s), days));
            if (fee <= 0m)
            {
                continue;
            }

            borrowTotal += fee;
            long shortShares = 0;
            int last = -1;
            for (int k = 0; k < _strategies.Length; k++)
            {
                long sq = _byStrategy[(k * n) + s].Quantity;
                if (sq < 0)
                {
                    shortShares -= sq;
                    last = k;
                }
            }

            if (last < 0)
            {
                // Strategies net long but the account short cannot happen (account = sum of strategies); guard anyway.
                last = 0;
                shortShares = 0;
            }

            decimal left = fee;
            for (int k = 0; k < _strategies.Length && shortShares > 0; k++)
            {
                long sq = _byStrategy[(k * n) + s].Quantity;
                if (sq >= 0 || k == last)
                {
                    continue;
                }

                decimal part = PriceMath.DivRound(fee * -sq, shortShares, 2);
                left -= part;
                ChargeBorrowFee(k, s, part);
                onBorrow?.Invoke(k, s, part);
            }

            ChargeBorrowFee(last, s, left);
            onBorrow?.Invoke(last, s, left);
        }

        return (borrowTotal, credited);
    }

    /// <summary>P&amp;L of the account in <paramref name="symbolId"/>.</summary>
    public PnlBreakdown SymbolPnl(int symbolId)
    {
        var b = _account[symbolId];
        return new PnlBreakdown(_symbols[symbolId], b.Realized, (b.Quantity * MarkPrice(symbolId)) - b.CostBasis, b.Commission, b.Fees, b.Borrow, 0m);
    }

    /// <summary>P&amp;L of strategy <paramref name="strategyId"/> over all symbols (interest stays with the account).</summary>
    public PnlBreakdown StrategyPnl(int strategyId)
    {
        decimal r = 0, u = 0, c = 0, f = 0, b = 0;
        int n = _account.Length;
        for (int s = 0; s < n; s++)
        {
            var book = _byStrategy[(strategyId * n) + s];
            r += book.Realized;
            u += (book.Quantity * MarkPrice(s)) - book.CostBasis;
            c += book.Commission;
            f += book.Fees;
            b += book.Borrow;
        }

        return new PnlBreakdown(_strategies[strategyId], r, u, c, f, b, 0m);
    }

    /// <summary>P&amp;L of the whole account (equals equity − initial capital exactly).</summary>
    public PnlBreakdown TotalPnl()
    {
        decimal r = 0, u = 0, c = 0, f = 0, b = 0;
        for (int s = 0; s < _account.Length; s++)
        {
            var book = _account[s];
            r += book.Realized;
            u += (book.Quantity * MarkPrice(s)) - book.CostBasis;
            c += book.Commission;
            f += book.Fees;
            b += book.Borrow;
        }

        return new PnlBreakdown("total", r, u, c, f, b, _interest);
    }

    /// <inheritdoc />
    public long Quantity(string symbol) => _symbols.TryGetId(symbol, out var id) ? _account[id].Quantity : 0;

    /// <inheritdoc />
    public PositionInfo Position(string symbol)
    {
        if (!_symbols.TryGetId(symbol, out var id))
        {
            return new PositionInfo(symbol, 0, 0m, 0m, 0m, 0m, 0m);
        }

        return Info(id);
    }

    /// <inheritdoc />
    public IReadOnlyList<PositionInfo> OpenPositions()
    {
        // Cached until a mark or a position changes: the risk layer reads it for every order.
        if (_openVersion == _version && _open is not null)
        {
            return _open;
        }

        int open = 0;
        for (int s = 0; s < _account.Length; s++)
        {
            if (_account[s].Quantity != 0)
            {
                open++;
            }
        }

        var positions = open == 0 ? [] : new PositionInfo[open];
        int k = 0;
        for (int s = 0; s < _account.Length; s++)
        {
            if (_account[s].Quantity != 0)
            {
                positions[k++] = Info(s);
            }
        }

        _open = positions;
        _openVersion = _version;
        return positions;
    }

    private PositionInfo Info(int s)
    {
        var b = _account[s].ToState();
        decimal mark = MarkPrice(s);
        decimal mv = b.Quantity * mark;
        return new PositionInfo(_symbols[s], b.Quantity, b.AveragePrice, mark, mv, mv - b.CostBasis, b.RealizedPnl);
    }

    /// <summary>Applies a signed trade of <paramref name="q"/> shares worth <paramref name="notional"/> to a book; returns the realized P&amp;L.</summary>
    private static decimal ApplyTrade(ref Book b, long q, decimal notional)
    {
        decimal v = q > 0 ? notional : -notional;
        if (b.Quantity == 0 || (b.Quantity > 0) == (q > 0))
        {
            b.CostBasis += v;
            b.Quantity += q;
            return 0m;
        }

        long held = Math.Abs(b.Quantity);
        long traded = Math.Abs(q);
        long closing = Math.Min(held, traded);
        decimal vClose = closing == traded ? v : PriceMath.DivRound(v * closing, traded, 8);
        decimal removed = closing == held ? b.CostBasis : PriceMath.DivRound(b.CostBasis * closing, held, 8);
        decimal realized = -vClose - removed;
        b.CostBasis -= removed;
        b.Realized += realized;
        b.Quantity += q;
        if (traded > held)
        {
            b.CostBasis += v - vClose;
        }

        return realized;
    }

    private struct Book
    {
        public long Quantity;
        public decimal CostBasis;
        public decimal Realized;
        public decimal Commission;
        public decimal Fees;
        public decimal Borrow;

        public readonly PositionState ToState() => new(Quantity, CostBasis, Realized, Commission, Fees, Borrow);
    }
}

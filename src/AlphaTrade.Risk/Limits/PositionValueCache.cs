using AlphaTrade.Core.Ports;

namespace AlphaTrade.Risk.Limits;

/// <summary>
/// What the pre-trade checks read about the account's positions, derived once per account state and shared by the
/// orders of that state (the orders of one bar): each symbol's signed market value, the gross exposure per sector and
/// the VaR model's exposure vector. It reads <see cref="IPositionValues"/> when the account has them (the ledger) and
/// the open positions otherwise. Sums are decimal and exact, so they equal sums over the open positions in any order.
/// Single-threaded, like the risk manager that owns it.
/// </summary>
internal sealed class PositionValueCache(Func<string, string> sectorOf)
{
    private readonly Dictionary<string, int> _sectorIds = new(StringComparer.Ordinal);
    private object? _source;
    private long _version;
    private IReadOnlyList<PositionInfo>? _positions;
    private Dictionary<string, int>? _ownIndex; // symbol → slot, for accounts without IPositionValues
    private readonly List<string> _ownSymbols = [];
    private decimal[] _values = [];
    private int _count;
    private int[] _sectorOfSlot = [];
    private decimal[] _sectorGross = [];
    private bool _sectorsValid;
    private RiskModel? _model;
    private int[] _modelSlot = []; // model index of each slot (−1: not in the model)
    private int _modelSlots;
    private double[] _exposures = [];
    private bool _exposuresValid;

    /// <summary>Brings the values up to the account's current state (no work while it is unchanged).</summary>
    public void Refresh(IPortfolioView portfolio)
    {
        if (portfolio is IPositionValues pv)
        {
            if (ReferenceEquals(pv, _source) && pv.ValuesVersion == _version)
            {
                return;
            }

            if (!ReferenceEquals(pv, _source))
            {
                Reset(pv, pv.ValueSymbols.Count);
            }

            var values = pv.MarketValues();
            values.CopyTo(_values);
            _count = values.Length;
            _version = pv.ValuesVersion;
        }
        else
        {
            var positions = portfolio.OpenPositions();
            if (ReferenceEquals(portfolio, _source) && ReferenceEquals(positions, _positions))
            {
                return;
            }

            if (!ReferenceEquals(portfolio, _source))
            {
                Reset(portfolio, 0);
                _ownIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            Array.Clear(_values, 0, _count);
            foreach (var p in positions)
            {
                int slot = OwnSlot(p.Symbol); // first: it may grow the array
                _values[slot] = p.MarketValue;
            }

            _positions = positions;
        }

        _sectorsValid = false;
        _exposuresValid = false;
        Stamp++;
    }

    /// <summary>Slot of <paramref name="symbol"/> (−1 when the account holds no such symbol).</summary>
    public int SlotOf(string symbol) =>
        _source is IPositionValues pv ? pv.ValueIndex(symbol) : _ownIndex!.GetValueOrDefault(symbol, -1);

    /// <summary>Signed market value in slot <paramref name="slot"/> (0 for −1).</summary>
    public decimal ValueAt(int slot) => slot >= 0 ? _values[slot] : 0m;

    /// <summary>Gross exposure (Σ|market value|) of the open positions in the sector of slot <paramref name="slot"/>, or of <paramref name="sector"/> when the slot is −1.</summary>
    public decimal SectorGross(int slot, string sector)
    {
        if (!_sectorsValid)
        {
            Array.Clear(_sectorGross);
            for (int i = 0; i < _count; i++)
            {
                decimal v = _values[i];
                if (v != 0m)
                {
                    int id = SectorIdOf(i);
                    _sectorGross[id] += Math.Abs(v);
                }
            }

            _sectorsValid = true;
        }

        int sid = slot >= 0 ? SectorIdOf(slot) : _sectorIds.GetValueOrDefault(sector, -1);
        return sid >= 0 && sid < _sectorGross.Length ? _sectorGross[sid] : 0m;
    }

    /// <summary>Changes whenever the values may have changed (what the checks derive from them is cached on it).</summary>
    public long Stamp { get; private set; }

    /// <summary>The market values in <paramref name="model"/>'s symbol order (symbols the model lacks are left out); valid until the next refresh.</summary>
    public ReadOnlySpan<double> Exposures(RiskModel model)
    {
        if (!ReferenceEquals(model, _model) || _modelSlots != _count)
        {
            if (_modelSlot.Length < _count)
            {
                _modelSlot = new int[_values.Length];
            }

            var symbols = Symbols;
            for (int i = 0; i < _count; i++)
            {
                _modelSlot[i] = model.IndexOf(symbols[i]);
            }

            _model = model;
            _modelSlots = _count;
            _exposuresValid = false;
        }

        if (!_exposuresValid)
        {
            if (_exposures.Length != model.Symbols.Count)
            {
                _exposures = new double[model.Symbols.Count];
            }

            Array.Clear(_exposures);
            for (int i = 0; i < _count; i++)
            {
                int m = _modelSlot[i];
                if (m >= 0 && _values[i] != 0m)
                {
                    _exposures[m] = (double)_values[i];
                }
            }

            _exposuresValid = true;
        }

        return _exposures;
    }

    private IReadOnlyList<string> Symbols => _source is IPositionValues pv ? pv.ValueSymbols : _ownSymbols;

    private void Reset(object source, int slots)
    {
        _source = source;
        _positions = null;
        _ownIndex = null;
        _ownSymbols.Clear();
        _values = new decimal[slots];
        _count = slots;
        _sectorOfSlot = new int[slots];
        Array.Fill(_sectorOfSlot, -1);
        _model = null;
        _modelSlots = -1;
    }

    private int OwnSlot(string symbol)
    {
        if (_ownIndex!.TryGetValue(symbol, out int slot))
        {
            return slot;
        }

        slot = _ownSymbols.Count;
        _ownIndex.Add(symbol, slot);
        _ownSymbols.Add(symbol);
        if (slot >= _values.Length)
        {
            int size = Math.Max(8, _values.Length * 2);
            Array.Resize(ref _values, size);
            int old = _sectorOfSlot.Length;
            Array.Resize(ref _sectorOfSlot, size);
            Array.Fill(_sectorOfSlot, -1, old, size - old);
        }

        _count = _ownSymbols.Count;
        return slot;
    }

    private int SectorIdOf(int slot)
    {
        int id = _sectorOfSlot[slot];
        if (id >= 0)
        {
            return id;
        }

        string sector = sectorOf(Symbols[slot]);
        if (!_sectorIds.TryGetValue(sector, out id))
        {
            id = _sectorIds.Count;
            _sectorIds.Add(sector, id);
            Array.Resize(ref _sectorGross, id + 1);
            _sectorsValid = false;
        }

        _sectorOfSlot[slot] = id;
        return id;
    }
}

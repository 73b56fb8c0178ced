namespace AlphaTrade.Core.Market;

/// <summary>
/// A fixed list of symbols numbered 0..Count-1, so hot code indexes arrays by symbol id instead of hashing
/// strings. Immutable and thread-safe.
/// </summary>
public sealed class SymbolTable
{
    private readonly string[] _symbols;
    private readonly Dictionary<string, int> _ids;

    /// <summary>Creates a table; symbols must be distinct and non-blank. Ids follow the given order.</summary>
    public SymbolTable(IEnumerable<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        _symbols = symbols.ToArray();
        _ids = new Dictionary<string, int>(_symbols.Length, StringComparer.Ordinal);
        for (int i = 0; i < _symbols.Length; i++)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(_symbols[i], nameof(symbols));
            if (!_ids.TryAdd(_symbols[i], i))
            {
                throw new ArgumentException($"Symbol '{_symbols[i]}' appears twice.", nameof(symbols));
            }
        }
    }

    /// <summary>Number of symbols.</summary>
    public int Count => _symbols.Length;

    /// <summary>The symbol with id <paramref name="id"/>.</summary>
    public string this[int id] => _symbols[id];

    /// <summary>The symbols in id order.</summary>
    public IReadOnlyList<string> Symbols => _symbols;

    /// <summary>The id of <paramref name="symbol"/>; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public int IdOf(string symbol) =>
        _ids.TryGetValue(symbol, out var id) ? id : throw new KeyNotFoundException($"Symbol '{symbol}' is not in the table.");

    /// <summary>Looks up the id of <paramref name="symbol"/>.</summary>
    public bool TryGetId(string symbol, out int id) => _ids.TryGetValue(symbol, out id);
}

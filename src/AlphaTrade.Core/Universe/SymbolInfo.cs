namespace AlphaTrade.Core.Universe;

/// <summary>A tradable instrument of the universe with its classification.</summary>
/// <param name="Symbol">Ticker, upper case.</param>
/// <param name="Name">Company name.</param>
/// <param name="Sector">GICS sector.</param>
/// <param name="Industry">GICS industry.</param>
public sealed record SymbolInfo(string Symbol, string Name, string Sector, string Industry);

/// <summary>The set of symbols a run trades, plus its benchmark.</summary>
public sealed class TradingUniverse
{
    private readonly Dictionary<string, SymbolInfo> _bySymbol;

    /// <summary>Creates a universe; symbols must be unique.</summary>
    public TradingUniverse(IReadOnlyList<SymbolInfo> symbols, string benchmark)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentException.ThrowIfNullOrWhiteSpace(benchmark);
        Symbols = symbols;
        Benchmark = benchmark;
        _bySymbol = new Dictionary<string, SymbolInfo>(StringComparer.Ordinal);
        foreach (var s in symbols)
        {
            if (!_bySymbol.TryAdd(s.Symbol, s))
            {
                throw new ArgumentException($"Symbol '{s.Symbol}' appears twice in the universe.", nameof(symbols));
            }
        }
    }

    /// <summary>The tradable symbols in configured order.</summary>
    public IReadOnlyList<SymbolInfo> Symbols { get; }

    /// <summary>Benchmark ticker (e.g. SPY); not part of <see cref="Symbols"/> unless listed there.</summary>
    public string Benchmark { get; }

    /// <summary>Distinct sectors in first-seen order.</summary>
    public IReadOnlyList<string> Sectors => Symbols.Select(s => s.Sector).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Looks a symbol up.</summary>
    public bool TryGet(string symbol, out SymbolInfo info) => _bySymbol.TryGetValue(symbol, out info!);

    /// <summary>True when <paramref name="symbol"/> is tradable in this universe.</summary>
    public bool Contains(string symbol) => _bySymbol.ContainsKey(symbol);
}

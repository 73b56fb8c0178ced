using AlphaTrade.Core.Market;

namespace AlphaTrade.Strategies.Framework;

/// <summary>
/// The symbols one strategy trades: a subset of the run's symbols (ids index the run's <see cref="SymbolTable"/>),
/// each with its sector. Immutable.
/// </summary>
public sealed class StrategyUniverse
{
    private readonly int[] _ids;
    private readonly bool[] _member;
    private readonly string[] _sector;

    /// <summary>Creates the universe of <paramref name="members"/> (run symbol ids, ascending, distinct).</summary>
    public StrategyUniverse(SymbolTable symbols, IEnumerable<int> members, Func<string, string>? sectorOf = null)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(members);
        Symbols = symbols;
        _ids = [.. members.Distinct().Order()];
        _member = new bool[symbols.Count];
        _sector = new string[symbols.Count];
        for (int i = 0; i < symbols.Count; i++)
        {
            _sector[i] = sectorOf?.Invoke(symbols[i]) ?? string.Empty;
        }

        foreach (int id in _ids)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(id);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, symbols.Count);
            _member[id] = true;
        }
    }

    /// <summary>The run's symbols.</summary>
    public SymbolTable Symbols { get; }

    /// <summary>Member ids, ascending.</summary>
    public ReadOnlySpan<int> Ids => _ids;

    /// <summary>Number of members.</summary>
    public int Count => _ids.Length;

    /// <summary>True when <paramref name="symbolId"/> is a member.</summary>
    public bool Contains(int symbolId) => (uint)symbolId < (uint)_member.Length && _member[symbolId];

    /// <summary>Ticker of <paramref name="symbolId"/>.</summary>
    public string Symbol(int symbolId) => Symbols[symbolId];

    /// <summary>Sector of <paramref name="symbolId"/> (empty when unknown).</summary>
    public string Sector(int symbolId) => _sector[symbolId];

    /// <summary>Members grouped by sector, sectors in order of first member.</summary>
    public IReadOnlyList<(string Sector, int[] Members)> BySector() =>
        [.. _ids.GroupBy(id => _sector[id], StringComparer.Ordinal).Select(g => (g.Key, g.ToArray()))];
}

using System.Collections;
using System.Globalization;

namespace AlphaTrade.Configuration;

/// <summary>
/// One configured strategy: an entry of the <c>strategies</c> section (its key is <see cref="Name"/>) or the
/// <c>strategy</c> block of a run file. Each strategy type has its own record with its validated parameters.
/// </summary>
/// <param name="Name">Name used by <c>--strategy</c>, in the books and in reports.</param>
public abstract record StrategySettings(string Name)
{
    /// <summary>The strategy type, e.g. <c>sma_crossover</c>.</summary>
    public abstract string Type { get; }

    /// <summary>The parameters as ordered (key, value) pairs in their YAML spelling, for run records.</summary>
    public abstract IReadOnlyList<KeyValuePair<string, string>> Describe();
}

/// <summary>How a strategy sizes positions.</summary>
public enum PositionSizing
{
    /// <summary>A target weight of account equity per symbol.</summary>
    TargetWeight,

    /// <summary>A fixed number of shares per symbol.</summary>
    FixedShares,
}

/// <summary>
/// The reference SMA fast/slow crossover (type <c>sma_crossover</c>): long while the fast average of closes is above
/// the slow one, flat (or short) otherwise.
/// </summary>
/// <param name="Name">Strategy name.</param>
/// <param name="FastPeriod">Fast average length, bars.</param>
/// <param name="SlowPeriod">Slow average length, bars (greater than <paramref name="FastPeriod"/>).</param>
/// <param name="Sizing">Target weight or fixed shares.</param>
/// <param name="Weight">Target weight per symbol, or null for 1 / number of symbols.</param>
/// <param name="Shares">Shares per symbol with fixed-share sizing.</param>
/// <param name="AllowShort">Go short when fast &lt; slow (else flat).</param>
public sealed record SmaCrossoverSettings(
    string Name,
    int FastPeriod = 10,
    int SlowPeriod = 30,
    PositionSizing Sizing = PositionSizing.TargetWeight,
    double? Weight = null,
    int Shares = 100,
    bool AllowShort = false) : StrategySettings(Name)
{
    /// <summary>The type name.</summary>
    public const string TypeName = "sma_crossover";

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, string>> Describe()
    {
        var c = CultureInfo.InvariantCulture;
        return
        [
            new("fast_period", FastPeriod.ToString(c)),
            new("slow_period", SlowPeriod.ToString(c)),
            new("sizing", Sizing == PositionSizing.TargetWeight ? "target_weight" : "fixed_shares"),
            new("weight", Weight is { } w ? w.ToString("R", c) : "null"),
            new("shares", Shares.ToString(c)),
            new("allow_short", AllowShort ? "true" : "false"),
        ];
    }
}

/// <summary>The configured strategies in file order, by name; equal when they hold equal strategies in the same order.</summary>
public sealed class StrategyCatalog : IReadOnlyList<StrategySettings>, IEquatable<StrategyCatalog>
{
    private readonly StrategySettings[] _items;

    /// <summary>Creates the catalog; names must be distinct.</summary>
    public StrategyCatalog(IEnumerable<StrategySettings> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        _items = [.. strategies];
        if (_items.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != _items.Length)
        {
            throw new ArgumentException("Strategy names must be distinct.", nameof(strategies));
        }
    }

    /// <summary>The catalog used when settings.yaml has no <c>strategies</c> section: the reference crossover with its defaults.</summary>
    public static StrategyCatalog BuiltIn { get; } = new([new SmaCrossoverSettings(SmaCrossoverSettings.TypeName)]);

    /// <summary>Types implemented outside the configuration layer that this catalog was bound with (run files use them too).</summary>
    public IStrategyTypeCatalog? ExternalTypes { get; init; }

    /// <summary>The strategy types the configuration knows.</summary>
    public static IReadOnlyList<string> Types { get; } = [SmaCrossoverSettings.TypeName];

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public StrategySettings this[int index] => _items[index];

    /// <summary>Names in file order.</summary>
    public IEnumerable<string> Names => _items.Select(s => s.Name);

    /// <summary>The strategy called <paramref name="name"/>, or null.</summary>
    public StrategySettings? Find(string name) => Array.Find(_items, s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <inheritdoc />
    public IEnumerator<StrategySettings> GetEnumerator() => ((IEnumerable<StrategySettings>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(StrategyCatalog? other) => other is not null && _items.SequenceEqual(other._items);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StrategyCatalog);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = default(HashCode);
        foreach (var s in _items)
        {
            h.Add(s);
        }

        return h.ToHashCode();
    }
}

/// <summary>
/// Strategy types implemented outside the configuration layer (the strategy framework's library): their names and a
/// check of each parameter value. The host passes one to <see cref="ConfigLoader.Load"/> so that settings.yaml can
/// declare them with file:line errors.
/// </summary>
public interface IStrategyTypeCatalog
{
    /// <summary>Type names.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Null when <paramref name="value"/> is valid for <paramref name="parameter"/> of <paramref name="type"/>, else what was expected.</summary>
    string? CheckParameter(string type, string parameter, string value);
}

/// <summary>
/// A strategy of a type from an <see cref="IStrategyTypeCatalog"/>: its parameters as validated text (missing ones
/// take the type's defaults when the strategy is built), the universe subset and the share of equity it trades.
/// </summary>
/// <param name="Name">Strategy name.</param>
/// <param name="TypeName">Type name.</param>
/// <param name="Parameters">Parameter values as written, in file order.</param>
/// <param name="Symbols">Tickers it trades, or null for the whole universe.</param>
/// <param name="Allocation">Share of account equity (1 = all of it).</param>
public sealed record FrameworkStrategySettings(
    string Name,
    string TypeName,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    IReadOnlyList<string>? Symbols,
    double Allocation) : StrategySettings(Name)
{
    /// <inheritdoc />
    public override string Type => TypeName;

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, string>> Describe() => Parameters;

    /// <inheritdoc />
    public bool Equals(FrameworkStrategySettings? other) =>
        other is not null && Name == other.Name && TypeName == other.TypeName && Parameters.SequenceEqual(other.Parameters)
        && (Symbols is null ? other.Symbols is null : other.Symbols is not null && Symbols.SequenceEqual(other.Symbols))
        && Allocation.Equals(other.Allocation);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, TypeName, Parameters.Count, Allocation);
}

/// <summary>
/// Several configured strategies run side by side in one account (type <c>combination</c>): each member keeps its
/// own capital allocation, books, P&amp;L and attribution. Members are strategies defined under <c>strategies</c>;
/// their allocations sum to at most 1.
/// </summary>
/// <param name="Name">Strategy name.</param>
/// <param name="Members">The member strategies, in the order given.</param>
public sealed record CombinationSettings(string Name, IReadOnlyList<StrategySettings> Members) : StrategySettings(Name)
{
    /// <summary>Type name in settings.yaml.</summary>
    public const string TypeName = "combination";

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <summary>Share of equity a member trades with (1 for strategies without an allocation, such as the crossover).</summary>
    public static double AllocationOf(StrategySettings member) => member is FrameworkStrategySettings f ? f.Allocation : 1.0;

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, string>> Describe() =>
        [new("members", string.Join(",", Members.Select(m => m.Name)))];

    /// <inheritdoc />
    public bool Equals(CombinationSettings? other) => other is not null && Name == other.Name && Members.SequenceEqual(other.Members);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Members.Count);
}

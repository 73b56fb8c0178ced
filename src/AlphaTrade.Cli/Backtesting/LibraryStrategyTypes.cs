using AlphaTrade.Configuration;
using AlphaTrade.Strategies.Library;

namespace AlphaTrade.Cli.Backtesting;

/// <summary>The strategy library's types, as the configuration binder sees them.</summary>
internal sealed class LibraryStrategyTypes : IStrategyTypeCatalog
{
    public static LibraryStrategyTypes Instance { get; } = new();

    public IReadOnlyList<string> Names => [.. StrategyRegistry.Types.Select(t => t.Name)];

    public string? CheckParameter(string type, string parameter, string value)
    {
        var t = StrategyRegistry.Find(type);
        if (t is null)
        {
            return $"'{type}' is not a strategy type";
        }

        var p = t.Parameters.FirstOrDefault(x => string.Equals(x.Name, parameter, StringComparison.Ordinal));
        return p is null
            ? $"unknown key; expected type, symbols, allocation or a parameter of {type}: {string.Join(", ", t.Parameters.Select(x => x.Name))}"
            : p.Check(value);
    }
}

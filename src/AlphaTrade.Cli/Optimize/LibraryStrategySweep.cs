using AlphaTrade.Configuration;
using AlphaTrade.Optimization.Parameters;
using AlphaTrade.Strategies.Library;

namespace AlphaTrade.Cli.Optimize;

/// <summary>
/// A sweep over any registered framework strategy type: the axes are its declared parameters (names, kinds and ranges
/// from the strategy catalog, each value checked with a one-line error); every configuration runs on the event-driven
/// engine (the grid runs configurations in parallel), starting from the configured strategy's own parameters.
/// </summary>
internal sealed class LibraryStrategySweep : StrategySweep
{
    private readonly StrategyType _type;

    public LibraryStrategySweep(FrameworkStrategySettings configured)
        : base(configured)
    {
        _type = StrategyRegistry.Find(configured.TypeName)
            ?? throw new Core.InputException($"--strategy '{configured.Name}': type '{configured.TypeName}' is not registered");
        Parameters = [.. _type.Parameters.Select(p => new SweepParameter(p.Name, [], p.Description))];
    }

    /// <inheritdoc />
    public override IReadOnlyList<SweepParameter> Parameters { get; }

    /// <inheritdoc />
    public override string ValidityRule => $"the parameters must form a valid {_type.Name} strategy";

    /// <inheritdoc />
    public override bool IsValid(ParameterSet configuration)
    {
        var settings = (FrameworkStrategySettings)Configure(configuration);
        try
        {
            // Binding checks each value; initialising checks the rules between them (e.g. exit_z below entry_z).
            var (strategy, parameters) = StrategyRegistry.Create(settings.TypeName, settings.Parameters);
            return StrategyRegistry.IsConsistent(strategy, parameters);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override StrategySettings Configure(ParameterSet configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var b = (FrameworkStrategySettings)Base;
        var values = b.Parameters.ToList();
        for (int i = 0; i < configuration.Count; i++)
        {
            string name = Canonical(configuration.Names[i]);
            values.RemoveAll(kv => string.Equals(kv.Key, name, StringComparison.Ordinal));
            values.Add(new(name, Text(configuration[i])));
        }

        return b with { Parameters = values };
    }

    /// <inheritdoc />
    protected override string? CheckValue(string name, ParameterValue value)
    {
        var p = _type.Parameters.First(x => string.Equals(x.Name, name, StringComparison.Ordinal));
        return p.Check(Text(value)) is { } problem ? $"{name}: {problem}" : null;
    }

    private static string Text(ParameterValue v) => v.ToString();
}

using AlphaTrade.Strategies.Framework;

namespace AlphaTrade.Strategies.Library;

/// <summary>One strategy type the platform knows: its name, what it does, its parameters, and how to make one.</summary>
/// <param name="Name">Type name used in settings.yaml (<c>type:</c>).</param>
/// <param name="Description">One line.</param>
/// <param name="Parameters">Documented parameters with defaults.</param>
/// <param name="Factory">Creates a fresh instance.</param>
public sealed record StrategyType(string Name, string Description, IReadOnlyList<StrategyParameter> Parameters, Func<ITradingStrategy> Factory);

/// <summary>
/// The strategy types by name: the library's six, plus any registered by the host application. The command line
/// (<c>alphatrade strategies --list</c>, <c>alphatrade backtest --strategy NAME</c>) and the configuration binder read it.
/// </summary>
public static class StrategyRegistry
{
    private static readonly List<StrategyType> Registered =
    [
        new(MultiTimeframeMomentum.TypeName, "Multi-time-frame momentum: daily SMA + ADX trend filter, hourly EMA crossover entries and exits",
            MultiTimeframeMomentum.Parameters, () => new MultiTimeframeMomentum()),
        new(DonchianBreakout.TypeName, "Donchian channel breakout with volume confirmation and ATR trailing stops",
            DonchianBreakout.Parameters, () => new DonchianBreakout()),
        new(BollingerReversion.TypeName, "Mean reversion: Bollinger z-score entries with an RSI filter, exit at the mean or a time stop",
            BollingerReversion.Parameters, () => new BollingerReversion()),
        new(PairsTrading.TypeName, "Pairs trading: Engle-Granger selection within sectors, half-life filter, rolling or Kalman hedge, z-score entry/exit/stop",
            PairsTrading.Parameters, () => new PairsTrading()),
        new(SectorRotation.TypeName, "Sector rotation: hold the members of the top-k sectors by momentum, rebalanced on a schedule",
            SectorRotation.Parameters, () => new SectorRotation()),
        new(CrossSectionalFactors.TypeName, "Cross-sectional factors: momentum with skip, low volatility, short-term reversal combined by rank z-scores",
            CrossSectionalFactors.Parameters, () => new CrossSectionalFactors()),
    ];

    /// <summary>The known types, in registration order.</summary>
    public static IReadOnlyList<StrategyType> Types => Registered;

    /// <summary>The type called <paramref name="name"/>, or null.</summary>
    public static StrategyType? Find(string name) => Registered.Find(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    /// <summary>Adds a user-defined type (its name must be new).</summary>
    public static void Register(StrategyType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (Find(type.Name) is not null)
        {
            throw new ArgumentException($"A strategy type called '{type.Name}' is already registered.", nameof(type));
        }

        Registered.Add(type);
    }

    /// <summary>
    /// Creates a strategy of <paramref name="typeName"/> with <paramref name="parameters"/> (validated; missing ones
    /// take defaults). Unknown types or parameters raise <see cref="ArgumentException"/> naming them.
    /// </summary>
    public static (ITradingStrategy Strategy, StrategyParameters Parameters) Create(string typeName, IEnumerable<KeyValuePair<string, string>>? parameters = null)
    {
        var type = Find(typeName) ?? throw new ArgumentException(
            $"unknown strategy type '{typeName}'; expected one of {string.Join(", ", Registered.Select(t => t.Name))}", nameof(typeName));
        return (type.Factory(), StrategyParameters.Bind(type.Parameters, parameters));
    }

    /// <summary>
    /// True when <paramref name="strategy"/> initialises with <paramref name="parameters"/>, i.e. the rules between its
    /// parameters hold (e.g. exit_z below entry_z); sweeps use it to skip invalid configurations before running them.
    /// </summary>
    public static bool IsConsistent(ITradingStrategy strategy, StrategyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var universe = new StrategyUniverse(new Core.Market.SymbolTable(["X"]), [0]);
        try
        {
            strategy.Initialize(new StrategySetup("check", universe, parameters, Core.Time.TimeFrame.FifteenMinutes, Core.Calendar.NyseCalendar.Instance, 1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Creates the engine strategy (a <see cref="StrategyHost"/>) for one declaration.</summary>
    public static StrategyHost CreateHost(StrategyDeclaration declaration, StrategyHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(options);
        var (strategy, parameters) = Create(declaration.Type, declaration.Parameters);
        return new StrategyHost(declaration.Name, strategy, options with
        {
            Parameters = parameters,
            Allocation = declaration.Allocation,
            Symbols = declaration.Symbols ?? options.Symbols,
        });
    }
}

/// <summary>One strategy declared in configuration.</summary>
/// <param name="Name">Name in books and reports.</param>
/// <param name="Type">Strategy type (see <see cref="StrategyRegistry"/>).</param>
/// <param name="Parameters">Parameter values as written.</param>
/// <param name="Symbols">Universe subset, or null for all symbols.</param>
/// <param name="Allocation">Share of account equity.</param>
public sealed record StrategyDeclaration(
    string Name,
    string Type,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    IReadOnlyList<string>? Symbols,
    double Allocation);

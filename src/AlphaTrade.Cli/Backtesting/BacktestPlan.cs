using System.Globalization;
using AlphaTrade.Configuration;
using AlphaTrade.Core;
using AlphaTrade.Core.Time;
using AlphaTrade.Core.Universe;

namespace AlphaTrade.Cli.Backtesting;

/// <summary>What the command line asked for, before anything is resolved (null = not given).</summary>
internal sealed record BacktestArguments(string? Strategy, string? Config, string? Start, string? End, string? Capital, string? Engine, string? Out, bool NoRisk = false);

/// <summary>
/// Everything a backtest run needs, resolved from (in order of precedence) the command line, a run file given with
/// <c>--config</c>, and config/*.yaml. Resolving validates every input, so bad arguments fail before data is loaded.
/// </summary>
internal sealed record BacktestPlan(
    StrategySettings Strategy,
    BacktestEngineKind Engine,
    decimal InitialCapital,
    DateOnly? Start,
    DateOnly? End,
    AccountType Account,
    CostSettings Costs,
    VenueSettings Venue,
    TimeFrame TimeFrame,
    IReadOnlyList<SymbolInfo> Symbols,
    string Benchmark,
    string ResultsDirectory,
    RunFile? Record,
    bool Risk = true)
{
    public static BacktestPlan Resolve(CliContext ctx, BacktestArguments a)
    {
        if (a.Strategy is not null && a.Config is not null)
        {
            throw new InputException("--strategy and --config both name the strategy; give one (a run file has a strategy: block)");
        }

        // Command-line values are checked before the configuration is touched.
        var engineArg = a.Engine is null ? (BacktestEngineKind?)null : a.Engine.Trim().ToLowerInvariant() switch
        {
            "event" => BacktestEngineKind.Event,
            "vectorized" => BacktestEngineKind.Vectorized,
            _ => throw new InputException($"--engine '{a.Engine}': expected event or vectorized"),
        };
        decimal? capitalArg = a.Capital is null ? null
            : decimal.TryParse(a.Capital, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var cap) && cap >= 1m && cap <= 1_000_000_000_000m
                ? cap
                : throw new InputException($"--capital '{a.Capital}': expected starting cash in USD, a number from 1 to 1000000000000");
        var startArg = Commands.CliParse.Date(a.Start, "--start");
        var endArg = Commands.CliParse.Date(a.End, "--end");
        if (a.Strategy is not null && !IsName(a.Strategy))
        {
            throw new InputException($"--strategy '{a.Strategy}': expected a strategy name (letters, digits, '_', '-', '.')");
        }

        var cfg = ctx.Config;
        var settings = cfg.Settings;
        var record = a.Config is null ? null : ConfigLoader.LoadRunFile(ctx.Resolve(a.Config), a.Config, settings);

        StrategySettings strategy;
        if (a.Strategy is { } name)
        {
            strategy = settings.Strategies.Find(name)
                ?? (StrategyCatalog.Types.Contains(name, StringComparer.Ordinal)
                    ? new SmaCrossoverSettings(name)
                    : LibraryStrategyTypes.Instance.Names.Contains(name, StringComparer.Ordinal)
                    ? new FrameworkStrategySettings(name, name, [], null, 1.0)
                    : throw new InputException($"--strategy '{name}': not a configured strategy; expected {string.Join(", ", settings.Strategies.Names)} (config/settings.yaml, strategies)"));
        }
        else
        {
            strategy = record?.Strategy ?? settings.DefaultStrategy;
        }

        var start = startArg ?? record?.Start ?? settings.Backtest.Start;
        var end = endArg ?? record?.End ?? settings.Backtest.End;
        if (start is { } s && end is { } e && e < s)
        {
            throw new InputException($"--end {e:yyyy-MM-dd} is before the start {s:yyyy-MM-dd}");
        }

        var engine = engineArg ?? record?.Engine ?? settings.Backtest.Engine;
        if (engine == BacktestEngineKind.Vectorized && StrategyFactory.VectorizedRefusal(strategy) is { } why)
        {
            throw new InputException("--engine vectorized: " + why);
        }

        var costs = record?.Costs ?? settings.Costs;
        var venue = record?.Venue ?? new VenueSettings(costs.ParticipationCap, 0, settings.Backtest.Seed, 20 * 26);
        return new BacktestPlan(
            strategy,
            engine,
            capitalArg ?? record?.InitialCapital ?? settings.Backtest.InitialCapital,
            start,
            end,
            record?.Account ?? settings.Account.Type,
            costs,
            venue,
            record?.TimeFrame ?? settings.Data.TimeFrame,
            SymbolsOf(cfg.Universe, record),
            record?.Benchmark ?? cfg.Universe.Benchmark,
            ctx.Resolve(a.Out ?? settings.Backtest.ResultsDir),
            record,
            Risk: !a.NoRisk);
    }

    private static bool IsName(string s) => s.Length is > 0 and <= 64 && s.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.');

    /// <summary>The configured universe, or the run file's symbols (sectors from the file, else from the universe).</summary>
    private static List<SymbolInfo> SymbolsOf(TradingUniverse universe, RunFile? record)
    {
        if (record?.Symbols is not { } symbols)
        {
            return [.. universe.Symbols];
        }

        var sectors = record.Sectors.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var list = new List<SymbolInfo>(symbols.Count);
        foreach (var symbol in symbols.Distinct(StringComparer.Ordinal))
        {
            if (universe.TryGet(symbol, out var info))
            {
                list.Add(sectors.TryGetValue(symbol, out var sector) ? info with { Sector = sector } : info);
            }
            else if (sectors.TryGetValue(symbol, out var sector))
            {
                list.Add(new SymbolInfo(symbol, symbol, sector, string.Empty));
            }
            else
            {
                throw new InputException($"{record.File}: symbols: {symbol} is not in config/symbols.yaml and has no entry under sectors");
            }
        }

        return list.Count > 0 ? list : throw new InputException($"{record.File}: symbols: the list is empty");
    }
}

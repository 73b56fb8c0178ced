using System.CommandLine;

namespace AlphaTrade.Cli.Commands;

/// <summary>The list of top-level commands, in help order. Each command lives in its own file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All(CliContext ctx)
    {
        yield return DataCommand.Create(ctx);
        yield return IndicatorsCommand.Create(ctx);
        yield return StatsCommand.Create(ctx);
        yield return StrategiesCommand.Create(ctx);
        yield return BacktestCommand.Create(ctx);
        yield return ReportCommand.Create(ctx);
        yield return FeaturesCommand.Create(ctx);
        yield return MetricsCommand.Create(ctx);
        yield return OptimizeCommand.Create(ctx);
        yield return PortfolioCommand.Create(ctx);
        yield return RiskCommand.Create(ctx);
        yield return TrainCommand.Create(ctx);
        yield return ModelsCommand.Create(ctx);
        yield return BenchCommand.Create(ctx);
        yield return VersionCommand.Create(ctx);
    }
}

using System.CommandLine;

namespace AlphaTrade.Cli.Commands;

/// <summary>The list of top-level commands, in help order. Each command lives in its own file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All(CliContext ctx)
    {
        yield return DataCommand.Create(ctx);
        yield return StatsCommand.Create(ctx);
        yield return MetricsCommand.Create(ctx);
        yield return TrainCommand.Create(ctx);
        yield return ModelsCommand.Create(ctx);
        yield return VersionCommand.Create(ctx);
    }
}

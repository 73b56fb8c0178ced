using System.CommandLine;
using System.Text.Json;
using AlphaTrade.Strategies.Framework;
using AlphaTrade.Strategies.Library;

namespace AlphaTrade.Cli.Commands;

/// <summary>
/// <c>alphatrade strategies --list [--json]</c>: the strategy types with their parameters and defaults, and the
/// strategies configured in settings.yaml.
/// </summary>
internal static class StrategiesCommand
{
    public static Command Create(CliContext ctx)
    {
        var list = new Option<bool>("--list") { Description = "List strategy types with their parameters and defaults, and the configured strategies." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var cmd = new Command("strategies", "Strategy types of the library and the strategies configured in config/settings.yaml.") { list, json };
        cmd.SetAction(parse =>
        {
            var configured = ctx.Config.Settings.Strategies;
            if (parse.GetValue(json))
            {
                var doc = new
                {
                    types = StrategyRegistry.Types.Select(t => new
                    {
                        name = t.Name,
                        description = t.Description,
                        parameters = t.Parameters.Select(p => new
                        {
                            name = p.Name,
                            kind = KindName(p.Kind),
                            @default = p.Default,
                            allowed = p.Allowed,
                            description = p.Description,
                        }),
                    }),
                    configured = configured.Select(s => new
                    {
                        name = s.Name,
                        type = s.Type,
                        parameters = s.Describe().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
                    }),
                };
                ctx.Out.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
                return CliApp.ExitOk;
            }

            foreach (var t in StrategyRegistry.Types)
            {
                ctx.Out.WriteLine($"{t.Name}: {t.Description}");
                TextTable.Write(ctx.Out, ["parameter", "default", "allowed", "description"],
                    t.Parameters.Select(p => (IReadOnlyList<string>)[p.Name, p.Default, p.Allowed, p.Description]));
                ctx.Out.WriteLine();
            }

            ctx.Out.WriteLine("configured in config/settings.yaml (alphatrade backtest --strategy NAME):");
            TextTable.Write(ctx.Out, ["name", "type", "parameters"],
                configured.Select(s => (IReadOnlyList<string>)[s.Name, s.Type, string.Join(' ', s.Describe().Select(kv => kv.Key + "=" + kv.Value))]));
            return CliApp.ExitOk;
        });
        return cmd;
    }

    /// <summary>Kinds in lower case (for the JSON listing).</summary>
    internal static string KindName(ParameterKind kind) => kind.ToString().ToLowerInvariant();
}

using System.CommandLine;
using AlphaTrade.Core;

namespace AlphaTrade.Cli;

/// <summary>Builds the command tree and runs it; the only composition root of the platform.</summary>
public static class CliApp
{
    /// <summary>Exit code of a successful run.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code of a runtime failure.</summary>
    public const int ExitFailure = 1;

    /// <summary>Exit code of bad usage or bad input.</summary>
    public const int ExitBadInput = 2;

    /// <summary>Parses <paramref name="args"/>, runs the chosen command, maps errors to exit codes.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, rootDirectory: null);

    /// <summary>Runs with <paramref name="rootDirectory"/> as the repository root (config/, data/, results/); null: ALPHATRADE_HOME or the current folder.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string? rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        Backtesting.MlStrategySupport.EnsureRegistered();
        var ctx = new CliContext(stdout, stderr, rootDirectory);
        if (args.Length > 0 && args[0] is "backtest" or "optimize")
        {
            ctx.PreloadConfig(); // the configuration's YAML is read while the command line is built and parsed
        }

        var root = BuildRoot(ctx);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                // One line: every parse error, then where to look.
                var names = new List<string>();
                for (var r = parse.CommandResult; r is not null && r.Command != root; r = r.Parent as System.CommandLine.Parsing.CommandResult)
                {
                    names.Insert(0, r.Command.Name);
                }

                var command = string.Join(' ', names.Prepend("alphatrade"));
                stderr.WriteLine($"error: {string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.')))} (see '{command} --help')");
                return ExitBadInput;
            }

            return parse.Invoke(config);
        }
        catch (InputException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitBadInput;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("error: cancelled");
            return ExitFailure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitFailure;
        }
    }

    /// <summary>The root command with every subcommand registered.</summary>
    public static RootCommand BuildRoot(CliContext ctx)
    {
        var root = new RootCommand(
            "AlphaTrade: algorithmic trading for US equities. Load and check data, compute indicators and features, " +
            "train models, backtest strategies, and trade them on paper or live through a broker.");
        foreach (var command in Commands.CommandCatalog.All(ctx))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}

using System.CommandLine;
using System.Reflection;

namespace AlphaTrade.Cli.Commands;

/// <summary><c>alphatrade version</c>: prints the version of the platform and the runtime.</summary>
internal static class VersionCommand
{
    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("version", "Print the AlphaTrade and .NET runtime versions.");
        cmd.SetAction(_ =>
        {
            var v = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            ctx.Out.WriteLine($"alphatrade {v} (.NET {Environment.Version})");
            return CliApp.ExitOk;
        });
        return cmd;
    }
}

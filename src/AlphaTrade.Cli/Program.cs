namespace AlphaTrade.Cli;

/// <summary>Process entry point of <c>alphatrade</c>.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code (0 ok, 1 runtime failure, 2 bad usage or input).</summary>
    public static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}

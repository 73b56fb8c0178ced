using BenchmarkDotNet.Running;

namespace AlphaTrade.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project bench/AlphaTrade.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line.</summary>
    public static void Main(string[] args)
    {
        // `-- export-model-matrix PATH` writes the model-training matrix for bench/models/xgboost_native.py.
        if (args.Length == 2 && args[0] == "export-model-matrix")
        {
            Models.ModelMatrix.Export(args[1]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}

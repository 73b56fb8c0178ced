using AlphaTrade.Optimization;
using AlphaTrade.Optimization.Overfitting;
using AlphaTrade.Optimization.Parameters;
using AlphaTrade.Optimization.Sweeps;
using BenchmarkDotNet.Attributes;

namespace AlphaTrade.Benchmarks;

/// <summary>
/// CSCV (probability of backtest overfitting) at the size of a real sweep: T = 13,000 fifteen-minute returns
/// (two years), N = 1,000 trials, S = 16 blocks (12,870 combinations).
/// </summary>
[MemoryDiagnoser]
public class CscvBenchmarks
{
    private double[][] _trials = null!;

    /// <summary>Seeded Gaussian returns with small per-trial drifts.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20261125);
        _trials = new double[1000][];
        for (int j = 0; j < _trials.Length; j++)
        {
            double drift = 2e-5 * (rng.NextDouble() - 0.5);
            var r = new double[13_000];
            for (int i = 0; i < r.Length; i++)
            {
                r[i] = drift + (0.002 * Gaussian(rng));
            }

            _trials[j] = r;
        }
    }

    /// <summary>PBO over all 12,870 splits on every core.</summary>
    [Benchmark]
    public double Pbo() => Cscv.Estimate(_trials, 16, ReturnMetrics.FifteenMinuteBarsPerYear).Pbo;

    internal static double Gaussian(Random rng) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());
}

/// <summary>
/// A 1,000-configuration sweep of a vectorised moving-average crossover over a 46-stock universe of 13,000
/// fifteen-minute bars each (long when the fast mean is above the slow one, equal weights), with the runner on
/// every core: the shape of <c>alphatrade optimize --param fast=1:50:1 --param slow=60:250:10</c>.
/// </summary>
[MemoryDiagnoser]
public class SweepBenchmarks
{
    private const int Symbols = 46;
    private const int Bars = 13_000;
    private double[][] _prefix = null!;
    private double[][] _returns = null!;
    private IReadOnlyList<ParameterSet> _configs = null!;

    /// <summary>Seeded random-walk closes; prefix sums make every moving average O(1) per bar.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(46);
        _prefix = new double[Symbols][];
        _returns = new double[Symbols][];
        for (int s = 0; s < Symbols; s++)
        {
            double price = 50 + (100 * rng.NextDouble());
            var prefix = new double[Bars + 1];
            var ret = new double[Bars];
            for (int t = 0; t < Bars; t++)
            {
                double r = 0.002 * CscvBenchmarks.Gaussian(rng);
                ret[t] = r;
                price *= 1 + r;
                prefix[t + 1] = prefix[t] + price;
            }

            _prefix[s] = prefix;
            _returns[s] = ret;
        }

        _configs = ParameterGrid.Parse(["fast=1:50:1", "slow=60:250:10"]).Enumerate();
    }

    /// <summary>Runs the 1,000 configurations and returns the best Sharpe ratio.</summary>
    [Benchmark]
    public double ThousandConfigurations()
    {
        var sweep = GridSweep.Run(_configs, Evaluate);
        return sweep.Best(Objective.Sharpe)!.Objective;
    }

    private TrialResult Evaluate(ParameterSet p, CancellationToken ct)
    {
        int fast = p.GetInt32("fast"), slow = p.GetInt32("slow");
        var portfolio = new double[Bars];
        for (int s = 0; s < Symbols; s++)
        {
            ct.ThrowIfCancellationRequested();
            var prefix = _prefix[s];
            var ret = _returns[s];
            for (int t = slow; t < Bars - 1; t++)
            {
                // Position decided on bar t's close, earning bar t + 1's return.
                double fastMean = (prefix[t + 1] - prefix[t + 1 - fast]) / fast;
                double slowMean = (prefix[t + 1] - prefix[t + 1 - slow]) / slow;
                if (fastMean > slowMean)
                {
                    portfolio[t + 1] += ret[t + 1] / Symbols;
                }
            }
        }

        return TrialResult.FromReturns(portfolio, Objective.Sharpe, ReturnMetrics.FifteenMinuteBarsPerYear);
    }
}

using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.CrossAsset;

/// <summary>
/// Relation to the benchmark (the market): rolling correlation and beta of the symbol's bar log returns with the
/// benchmark's log return over the same interval (as-of closes), the benchmark's own log return over several
/// horizons (its bars), and the residual return over horizons: the symbol's h-bar log return minus beta (first
/// window) times the benchmark's return over the same bars.
/// </summary>
/// <param name="Windows">Correlation and beta windows, in the symbol's bars.</param>
/// <param name="MarketHorizons">Horizons of the benchmark return features, in benchmark bars.</param>
/// <param name="ResidualHorizons">Horizons of the residual returns, in the symbol's bars.</param>
public sealed record BenchmarkSpec(IReadOnlyList<int> Windows, IReadOnlyList<int> MarketHorizons, IReadOnlyList<int> ResidualHorizons) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "benchmark";

    internal override void Build(PlanBuilder builder) => builder.Add(new BenchmarkBlock(
        SpecChecks.Windows(builder, Windows, "windows", 5),
        SpecChecks.Windows(builder, MarketHorizons, "market_horizons", 1, allowEmpty: true),
        SpecChecks.Windows(builder, ResidualHorizons, "residual_horizons", 1, allowEmpty: true)));
}

internal sealed class BenchmarkBlock : UniverseBlock
{
    private readonly int[] _windows;
    private readonly int[] _market;
    private readonly int[] _residual;

    public BenchmarkBlock(int[] windows, int[] market, int[] residual)
        : base(windows.SelectMany(w => new[]
            {
                new FeatureInfo("bench_corr_" + SpecChecks.Text(w), "benchmark", $"correlation of bar log returns with the benchmark's over {w} bars", FeatureStage.Universe),
                new FeatureInfo("bench_beta_" + SpecChecks.Text(w), "benchmark", $"OLS beta of bar log returns on the benchmark's over {w} bars", FeatureStage.Universe),
            })
            .Concat(market.Select(h => new FeatureInfo("mkt_ret_" + SpecChecks.Text(h), "benchmark", $"benchmark ln return over its last {h} bars", FeatureStage.Universe)))
            .Concat(residual.Select(h => new FeatureInfo("resid_ret_" + SpecChecks.Text(h), "benchmark",
                $"ln return over {h} bars − beta({windows[0]}) × benchmark ln return over the same bars", FeatureStage.Universe)))
            .ToArray())
    {
        _windows = windows;
        _market = market;
        _residual = residual;
    }

    public override UniverseBlockState CreateState(UniverseLayout layout) => new State(this, layout.Count);

    private sealed class State : UniverseBlockState
    {
        private readonly BenchmarkBlock _b;
        private readonly RollingCovariance[][] _cov;
        private readonly double[] _lastBench;
        private readonly RingBuffer[] _symbolLog;
        private readonly RingBuffer[] _benchAtBar;
        private readonly RingBuffer _benchLog;

        public State(BenchmarkBlock b, int n)
        {
            _b = b;
            _cov = Enumerable.Range(0, n).Select(_ => b._windows.Select(w => new RollingCovariance(w)).ToArray()).ToArray();
            _lastBench = Enumerable.Repeat(double.NaN, n).ToArray();
            int resid = b._residual.Length > 0 ? b._residual.Max() + 1 : 1;
            _symbolLog = Enumerable.Range(0, n).Select(_ => new RingBuffer(resid)).ToArray();
            _benchAtBar = Enumerable.Range(0, n).Select(_ => new RingBuffer(resid)).ToArray();
            _benchLog = new RingBuffer(b._market.Length > 0 ? b._market.Max() + 1 : 1);
        }

        public override void Step(UniverseStep step, int offset)
        {
            double lb = step.BenchmarkClose > 0 ? Math.Log(step.BenchmarkClose) : double.NaN;
            if (step.BenchmarkHasBar)
            {
                _benchLog.Push(lb);
            }

            for (int s = 0; s < step.HasBar.Length; s++)
            {
                if (!step.HasBar[s])
                {
                    continue;
                }

                var o = step.Output[s];
                int k = offset;
                double rs = step.StepReturn[s];
                double rb = lb - _lastBench[s];
                _lastBench[s] = lb;
                var cov = _cov[s];
                for (int i = 0; i < cov.Length; i++)
                {
                    cov[i].Push(rb, rs);
                    bool ready = cov[i].Count >= _b._windows[i];
                    o[k++] = ready ? cov[i].Correlation : double.NaN;
                    o[k++] = ready ? cov[i].Slope : double.NaN;
                }

                foreach (int h in _b._market)
                {
                    o[k++] = _benchLog[0] - _benchLog[h];
                }

                double ls = step.Close[s] > 0 ? Math.Log(step.Close[s]) : double.NaN;
                _symbolLog[s].Push(ls);
                _benchAtBar[s].Push(lb);
                double beta = cov[0].Count >= _b._windows[0] ? cov[0].Slope : double.NaN;
                foreach (int h in _b._residual)
                {
                    o[k++] = (_symbolLog[s][0] - _symbolLog[s][h]) - (beta * (_benchAtBar[s][0] - _benchAtBar[s][h]));
                }
            }
        }
    }
}

using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.CrossAsset;

/// <summary>
/// Market breadth over the universe (the same value for every symbol at a timestamp): the share of symbols whose
/// latest close is above their simple moving average of p bars, and the advance/decline ratio
/// <c>(advancers − decliners) / symbols printing</c> at each step, averaged over w steps.
/// </summary>
/// <param name="MaPeriods">Moving-average periods (each symbol's bars).</param>
/// <param name="AdWindows">Averaging windows of the advance/decline ratio (steps).</param>
public sealed record BreadthSpec(IReadOnlyList<int> MaPeriods, IReadOnlyList<int> AdWindows) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "breadth";

    internal override void Build(PlanBuilder builder) => builder.Add(new BreadthBlock(
        SpecChecks.Windows(builder, MaPeriods, "ma_periods", 2, allowEmpty: true),
        SpecChecks.Windows(builder, AdWindows, "ad_windows", 1, allowEmpty: true)));
}

internal sealed class BreadthBlock : UniverseBlock
{
    private readonly int[] _periods;
    private readonly int[] _ad;

    public BreadthBlock(int[] periods, int[] ad)
        : base(periods.Select(p => new FeatureInfo("breadth_above_ma_" + SpecChecks.Text(p), "breadth", $"share of the universe with close above its {p}-bar SMA", FeatureStage.Universe))
            .Concat(ad.Select(w => new FeatureInfo("breadth_ad_" + SpecChecks.Text(w), "breadth", $"(advancers − decliners) / symbols printing, mean over {w} steps", FeatureStage.Universe)))
            .ToArray())
    {
        _periods = periods;
        _ad = ad;
    }

    public override UniverseBlockState CreateState(UniverseLayout layout) => new State(this, layout.Count);

    private sealed class State : UniverseBlockState
    {
        private readonly BreadthBlock _b;
        private readonly RollingSum[][] _sma;
        private readonly sbyte[][] _above;
        private readonly RollingSum[] _ad;
        private readonly double[] _out;

        public State(BreadthBlock b, int n)
        {
            _b = b;
            _sma = Enumerable.Range(0, n).Select(_ => b._periods.Select(p => new RollingSum(p)).ToArray()).ToArray();
            _above = Enumerable.Range(0, n).Select(_ => Enumerable.Repeat((sbyte)-1, b._periods.Length).ToArray()).ToArray();
            _ad = b._ad.Select(w => new RollingSum(w)).ToArray();
            _out = new double[b.Features.Count];
        }

        public override void Step(UniverseStep step, int offset)
        {
            int n = step.HasBar.Length;
            int adv = 0, dec = 0, printing = 0;
            for (int s = 0; s < n; s++)
            {
                if (!step.HasBar[s])
                {
                    continue;
                }

                double c = step.Close[s];
                for (int i = 0; i < _b._periods.Length; i++)
                {
                    var m = _sma[s][i];
                    m.Push(c);
                    // Strictly above, by more than rounding: a close equal to its average is not above it.
                    double mean = m.Mean;
                    _above[s][i] = m.Count >= _b._periods[i] ? (sbyte)(c > mean + (1e-12 * Math.Abs(mean)) ? 1 : 0) : (sbyte)-1;
                }

                double r = step.StepReturn[s];
                if (!double.IsNaN(r))
                {
                    printing++;
                    adv += r > 0 ? 1 : 0;
                    dec += r < 0 ? 1 : 0;
                }
            }

            int k = 0;
            for (int i = 0; i < _b._periods.Length; i++)
            {
                int up = 0, known = 0;
                for (int s = 0; s < n; s++)
                {
                    if (_above[s][i] >= 0)
                    {
                        known++;
                        up += _above[s][i];
                    }
                }

                _out[k++] = known > 0 ? up / (double)known : double.NaN;
            }

            double ratio = printing > 0 ? (adv - dec) / (double)printing : double.NaN;
            for (int i = 0; i < _ad.Length; i++)
            {
                _ad[i].Push(ratio);
                _out[k++] = _ad[i].Count >= _b._ad[i] ? _ad[i].Mean : double.NaN;
            }

            for (int s = 0; s < n; s++)
            {
                if (step.HasBar[s])
                {
                    _out.CopyTo(step.Output[s].AsSpan(offset));
                }
            }
        }
    }
}

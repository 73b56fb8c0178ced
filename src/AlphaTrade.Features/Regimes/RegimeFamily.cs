using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;

namespace AlphaTrade.Features.Regimes;

/// <summary>
/// Market regime probabilities from a Gaussian HMM fitted, walk-forward, on the benchmark's daily observations
/// (close-to-close log return and ln realised volatility from its bars). Features are filtered (never smoothed)
/// probabilities after the last completed session, so a bar sees only sessions that ended before it.
/// </summary>
/// <param name="States">Hidden states: 2 (bull, bear) or 3 (bull, bear, sideways).</param>
/// <param name="MinTrainDays">Sessions before the first fit (features are NaN until then).</param>
/// <param name="RefitEveryDays">Sessions between refits.</param>
/// <param name="MaxTrainDays">Sessions in each fit (0: all so far).</param>
/// <param name="Restarts">Baum–Welch restarts of the first fit.</param>
/// <param name="MaxIterations">EM iterations per restart.</param>
/// <param name="Tolerance">EM convergence tolerance on the log-likelihood.</param>
/// <param name="Seed">Seed of the random restarts.</param>
/// <param name="RefitRestarts">Starting points of each later refit: the previous model, plus random ones beyond 1.</param>
public sealed record RegimeSpec(int States = 3, int MinTrainDays = 120, int RefitEveryDays = 21, int MaxTrainDays = 0, int Restarts = 4,
    int MaxIterations = 100, double Tolerance = 1e-5, int Seed = 7, int RefitRestarts = 1) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "regime";

    internal override void Build(PlanBuilder builder)
    {
        SpecChecks.Int(builder, States, "states", 2, 3);
        SpecChecks.Int(builder, MinTrainDays, "min_train_days", States * 10, 100_000);
        SpecChecks.Int(builder, RefitEveryDays, "refit_every_days", 1, 100_000);
        SpecChecks.Int(builder, MaxTrainDays, "max_train_days", 0, 100_000);
        if (MaxTrainDays > 0 && MaxTrainDays < MinTrainDays)
        {
            throw builder.Error("max_train_days must be 0 (all) or at least min_train_days");
        }

        SpecChecks.Int(builder, Restarts, "restarts", 1, 100);
        SpecChecks.Int(builder, RefitRestarts, "refit_restarts", 1, 100);
        SpecChecks.Int(builder, MaxIterations, "max_iterations", 1, 10_000);
        SpecChecks.Double(builder, Tolerance, "tolerance", 1e-12, 1);
        builder.Add(new RegimeBlock(this));
    }
}

internal sealed class RegimeBlock : UniverseBlock
{
    private readonly RegimeSpec _spec;

    public RegimeBlock(RegimeSpec spec)
        : base(Infos(spec))
    {
        _spec = spec;
    }

    public override UniverseBlockState CreateState(UniverseLayout layout) => new State(_spec);

    private static FeatureInfo[] Infos(RegimeSpec s)
    {
        string how = $"{s.States}-state Gaussian HMM on the benchmark's daily (log return, ln realised vol), refitted every {s.RefitEveryDays} sessions after {s.MinTrainDays}";
        var list = new List<FeatureInfo>
        {
            new("regime_p_bull", "regime", "filtered probability of the bull regime; " + how, FeatureStage.Universe),
            new("regime_p_bear", "regime", "filtered probability of the bear regime; " + how, FeatureStage.Universe),
        };
        if (s.States == 3)
        {
            list.Add(new("regime_p_sideways", "regime", "filtered probability of the sideways regime; " + how, FeatureStage.Universe));
        }

        list.Add(new("regime_state", "regime", "most probable regime: +1 bull, 0 sideways, −1 bear", FeatureStage.Universe));
        return list.ToArray();
    }

    private sealed class State : UniverseBlockState
    {
        private readonly RegimeFilter _filter;
        private readonly int _states;
        private readonly double[] _out;
        private double _prevDayClose = double.NaN;
        private double _dayClose = double.NaN;
        private double _daySumSq;
        private bool _dayHasBar;

        public State(RegimeSpec s)
        {
            _states = s.States;
            _filter = new RegimeFilter(s.MinTrainDays, s.RefitEveryDays, s.MaxTrainDays,
                new HmmFitOptions(s.States, s.Restarts, s.MaxIterations, s.Tolerance, (ulong)s.Seed), s.RefitRestarts);
            _out = new double[s.States == 3 ? 4 : 3];
            Array.Fill(_out, double.NaN);
        }

        public override void Step(UniverseStep step, int offset)
        {
            if (step.NewSession && _dayHasBar)
            {
                if (_prevDayClose > 0 && _dayClose > 0)
                {
                    double rv = Math.Sqrt(_daySumSq);
                    _filter.AddDay([Math.Log(_dayClose / _prevDayClose), Math.Log(Math.Max(rv, 1e-8))]);
                    Publish();
                }

                _prevDayClose = _dayClose;
                _daySumSq = 0;
                _dayHasBar = false;
            }

            if (step.BenchmarkHasBar)
            {
                _dayClose = step.BenchmarkClose;
                double r = step.BenchmarkStepReturn;
                if (double.IsFinite(r))
                {
                    _daySumSq += r * r;
                }

                _dayHasBar = true;
            }

            for (int s = 0; s < step.HasBar.Length; s++)
            {
                if (step.HasBar[s])
                {
                    _out.CopyTo(step.Output[s].AsSpan(offset));
                }
            }
        }

        private void Publish()
        {
            var p = _filter.RegimeProbabilities;
            if (p is null)
            {
                return;
            }

            _out[0] = p[(int)MarketRegime.Bull];
            _out[1] = p[(int)MarketRegime.Bear];
            if (_states == 3)
            {
                _out[2] = p[(int)MarketRegime.Sideways];
            }

            int arg = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            _out[^1] = arg == (int)MarketRegime.Bull ? 1 : arg == (int)MarketRegime.Bear ? -1 : 0;
        }
    }
}

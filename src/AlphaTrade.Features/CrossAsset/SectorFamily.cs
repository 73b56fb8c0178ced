using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.CrossAsset;

/// <summary>
/// Relation to the symbol's sector. The sector index is the equal-weight mean of its members' log changes of as-of
/// closes at each timeline step, accumulated. Rolling correlation and beta use the leave-one-out index (the other
/// members only, so a symbol is not correlated with itself); sector momentum is the full index's log change over h
/// steps and relative momentum the symbol's own log change over the same steps minus it.
/// </summary>
/// <param name="Windows">Correlation and beta windows, in the symbol's bars.</param>
/// <param name="MomentumHorizons">Momentum horizons, in timeline steps (bars).</param>
public sealed record SectorSpec(IReadOnlyList<int> Windows, IReadOnlyList<int> MomentumHorizons) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "sector";

    internal override void Build(PlanBuilder builder) => builder.Add(new SectorBlock(
        SpecChecks.Windows(builder, Windows, "windows", 5, allowEmpty: true),
        SpecChecks.Windows(builder, MomentumHorizons, "momentum_horizons", 1, allowEmpty: true)));
}

internal sealed class SectorBlock : UniverseBlock
{
    private readonly int[] _windows;
    private readonly int[] _horizons;

    public SectorBlock(int[] windows, int[] horizons)
        : base(windows.SelectMany(w => new[]
            {
                new FeatureInfo("sector_corr_" + SpecChecks.Text(w), "sector", $"correlation of bar log returns with the leave-one-out sector index over {w} bars", FeatureStage.Universe),
                new FeatureInfo("sector_beta_" + SpecChecks.Text(w), "sector", $"OLS beta of bar log returns on the leave-one-out sector index over {w} bars", FeatureStage.Universe),
            })
            .Concat(horizons.Select(h => new FeatureInfo("sector_mom_" + SpecChecks.Text(h), "sector", $"sector index ln change over {h} steps", FeatureStage.Universe)))
            .Concat(horizons.Select(h => new FeatureInfo("sector_rel_mom_" + SpecChecks.Text(h), "sector", $"symbol ln change over {h} steps − sector index ln change", FeatureStage.Universe)))
            .ToArray())
    {
        _windows = windows;
        _horizons = horizons;
    }

    public override UniverseBlockState CreateState(UniverseLayout layout) => new State(this, layout);

    private sealed class State : UniverseBlockState
    {
        private readonly SectorBlock _b;
        private readonly UniverseLayout _layout;
        private readonly double[] _sum;
        private readonly int[] _members;
        private readonly double[] _level;
        private readonly double[] _looLevel;
        private readonly double[] _looAtLastBar;
        private readonly RollingCovariance[][] _cov;
        private readonly RingBuffer[] _sectorLevels;
        private readonly RingBuffer[] _symbolLog;
        private readonly bool[] _countable;
        private readonly int[] _sectorSize;
        private readonly bool[] _started;

        public State(SectorBlock b, UniverseLayout layout)
        {
            _b = b;
            _layout = layout;
            int sectors = layout.SectorNames.Count, n = layout.Count;
            _sum = new double[sectors];
            _members = new int[sectors];
            _level = new double[sectors];
            _looLevel = new double[n];
            _looAtLastBar = Enumerable.Repeat(double.NaN, n).ToArray();
            _cov = Enumerable.Range(0, n).Select(_ => b._windows.Select(w => new RollingCovariance(w)).ToArray()).ToArray();
            int cap = b._horizons.Length > 0 ? b._horizons.Max() + 1 : 1;
            _sectorLevels = Enumerable.Range(0, sectors).Select(_ => new RingBuffer(cap)).ToArray();
            _symbolLog = Enumerable.Range(0, n).Select(_ => new RingBuffer(cap)).ToArray();
            _countable = new bool[n];
            _sectorSize = new int[sectors];
            _started = new bool[sectors];
            foreach (int c in layout.SectorOf)
            {
                _sectorSize[c]++;
            }
        }

        public override void Step(UniverseStep step, int offset)
        {
            var sectorOf = _layout.SectorOf;
            int n = _layout.Count;
            Array.Clear(_sum);
            Array.Clear(_members);
            for (int s = 0; s < n; s++)
            {
                double r = step.StepReturn[s];
                _countable[s] = !double.IsNaN(r);
                if (_countable[s])
                {
                    _sum[sectorOf[s]] += r;
                    _members[sectorOf[s]]++;
                }
            }

            Array.Clear(_started);
            for (int s = 0; s < n; s++)
            {
                _started[sectorOf[s]] |= step.Active[s];
            }

            for (int c = 0; c < _sum.Length; c++)
            {
                if (_members[c] > 0)
                {
                    _level[c] += _sum[c] / _members[c];
                }

                // The index starts at 0 on the first step at which any member has printed.
                _sectorLevels[c].Push(_started[c] ? _level[c] : double.NaN);
            }

            for (int s = 0; s < n; s++)
            {
                int c = sectorOf[s];
                int others = _members[c] - (_countable[s] ? 1 : 0);
                if (others > 0)
                {
                    _looLevel[s] += (_sum[c] - (_countable[s] ? step.StepReturn[s] : 0)) / others;
                }

                _symbolLog[s].Push(step.Active[s] && step.Close[s] > 0 ? Math.Log(step.Close[s]) : double.NaN);
            }

            for (int s = 0; s < n; s++)
            {
                if (!step.HasBar[s])
                {
                    continue;
                }

                var o = step.Output[s];
                int k = offset;
                bool hasPeers = _sectorSize[sectorOf[s]] > 1;
                double x = hasPeers ? _looLevel[s] - _looAtLastBar[s] : double.NaN;
                _looAtLastBar[s] = _looLevel[s];
                var cov = _cov[s];
                for (int i = 0; i < cov.Length; i++)
                {
                    cov[i].Push(x, step.StepReturn[s]);
                    bool ready = cov[i].Count >= _b._windows[i];
                    o[k++] = ready ? cov[i].Correlation : double.NaN;
                    o[k++] = ready ? cov[i].Slope : double.NaN;
                }

                var levels = _sectorLevels[sectorOf[s]];
                foreach (int h in _b._horizons)
                {
                    o[k++] = levels[0] - levels[h];
                }

                foreach (int h in _b._horizons)
                {
                    o[k++] = (_symbolLog[s][0] - _symbolLog[s][h]) - (levels[0] - levels[h]);
                }
            }
        }
    }
}

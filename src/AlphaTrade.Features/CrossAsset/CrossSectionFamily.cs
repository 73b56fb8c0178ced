using System.Text.Json.Serialization;
using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;

namespace AlphaTrade.Features.CrossAsset;

/// <summary>A cross-sectional statistic.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CrossSectionStat>))]
public enum CrossSectionStat
{
    /// <summary>Percentile rank among the universe, (rank − 1)/(n − 1) with average ranks for ties, in [0, 1].</summary>
    Rank,

    /// <summary>(x − cross-sectional mean) / cross-sectional standard deviation (population).</summary>
    Zscore,
}

/// <summary>
/// Cross-sectional ranks and z-scores of per-symbol features across the universe at each timestamp, using every
/// symbol's latest value (symbols with a NaN are left out of the cross-section).
/// </summary>
/// <param name="Features">Per-symbol feature names of the same set.</param>
/// <param name="Stats">Statistics to compute for each.</param>
public sealed record CrossSectionSpec(IReadOnlyList<string> Features, IReadOnlyList<CrossSectionStat> Stats) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "cross_section";

    internal override void Build(PlanBuilder builder)
    {
        if (Features.Count == 0 || Stats.Count == 0)
        {
            throw builder.Error("features and stats must both list at least one item");
        }

        builder.Add(new CrossSectionBlock(Features.ToArray(), Stats.Distinct().ToArray()));
    }
}

internal sealed class CrossSectionBlock : UniverseBlock
{
    private readonly string[] _features;
    private readonly CrossSectionStat[] _stats;

    public CrossSectionBlock(string[] features, CrossSectionStat[] stats)
        : base(features.SelectMany(f => stats.Select(s => new FeatureInfo(
            (s == CrossSectionStat.Rank ? "cs_rank_" : "cs_z_") + f, "cross_section",
            (s == CrossSectionStat.Rank ? "cross-sectional percentile rank of " : "cross-sectional z-score of ") + f, FeatureStage.Universe))).ToArray())
    {
        _features = features;
        _stats = stats;
    }

    public override IReadOnlyList<string> RequiredSymbolFeatures => _features;

    public override UniverseBlockState CreateState(UniverseLayout layout) => new State(this, layout);

    /// <summary>Average-tie percentile rank of <paramref name="x"/> among <paramref name="values"/> (which include it).</summary>
    internal static double PercentRank(double x, ReadOnlySpan<double> values)
    {
        int less = 0, equal = 0;
        foreach (double v in values)
        {
            if (v < x)
            {
                less++;
            }
            else if (v == x)
            {
                equal++;
            }
        }

        if (values.Length < 2)
        {
            return 0.5;
        }

        double rank = less + ((equal + 1) / 2.0); // 1-based average rank
        return (rank - 1) / (values.Length - 1);
    }

    private sealed class State : UniverseBlockState
    {
        private readonly CrossSectionBlock _b;
        private readonly int[] _keys;
        private readonly double[] _values;

        public State(CrossSectionBlock b, UniverseLayout layout)
        {
            _b = b;
            _keys = b._features.Select(layout.KeyIndex).ToArray();
            _values = new double[layout.Count];
        }

        public override void Step(UniverseStep step, int offset)
        {
            int n = step.HasBar.Length;
            for (int f = 0; f < _keys.Length; f++)
            {
                int key = _keys[f];
                int m = 0;
                double sum = 0;
                for (int s = 0; s < n; s++)
                {
                    double v = step.Key[s][key];
                    if (step.Active[s] && !double.IsNaN(v))
                    {
                        _values[m++] = v;
                        sum += v;
                    }
                }

                double mean = m > 0 ? sum / m : double.NaN;
                double ss = 0;
                for (int i = 0; i < m; i++)
                {
                    double d = _values[i] - mean;
                    ss += d * d;
                }

                double sd = m > 0 ? Math.Sqrt(ss / m) : double.NaN;
                var values = _values.AsSpan(0, m);
                for (int s = 0; s < n; s++)
                {
                    if (!step.HasBar[s])
                    {
                        continue;
                    }

                    double x = step.Key[s][key];
                    int k = offset + (f * _b._stats.Length);
                    foreach (var stat in _b._stats)
                    {
                        step.Output[s][k++] = double.IsNaN(x) ? double.NaN
                            : stat == CrossSectionStat.Rank ? PercentRank(x, values)
                            : m >= 3 && sd > 0 ? (x - mean) / sd : double.NaN;
                    }
                }
            }
        }
    }
}

using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.Technical;

/// <summary>
/// Rolling volatility of one-bar log returns in daily units, <c>vol_w = sd(r, w)·√(bars per day)</c>, and volatility
/// ratios <c>vol_ratio_a_b = vol_a / vol_b</c> (short over long: above 1 when volatility is expanding).
/// </summary>
/// <param name="Windows">Windows in bars.</param>
/// <param name="Ratios">Pairs [short, long] of windows.</param>
public sealed record VolatilitySpec(IReadOnlyList<int> Windows, IReadOnlyList<IReadOnlyList<int>> Ratios) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "volatility";

    internal override void Build(PlanBuilder builder)
    {
        var w = SpecChecks.Windows(builder, Windows, "windows", 2);
        var pairs = Ratios.Select(p => (SpecChecks.Int(builder, p[0], "ratios", 2), SpecChecks.Int(builder, p[1], "ratios", 2))).ToArray();
        builder.Add(new VolatilityBlock(w, pairs, builder.Options.BarsPerDay));
    }
}

internal sealed class VolatilityBlock : SymbolBlock
{
    private readonly int[] _windows;
    private readonly (int A, int B)[] _ratios;
    private readonly int[] _all;
    private readonly double _scale;

    public VolatilityBlock(int[] windows, (int A, int B)[] ratios, int barsPerDay)
        : base(windows.Select(w => new FeatureInfo("vol_" + SpecChecks.Text(w), "volatility", $"sd of 1-bar log returns over {w} bars × √{barsPerDay} (daily units)"))
            .Concat(ratios.Select(r => new FeatureInfo($"vol_ratio_{r.A}_{r.B}", "volatility", $"volatility over {r.A} bars / volatility over {r.B} bars")))
            .ToArray())
    {
        _windows = windows;
        _ratios = ratios;
        _all = windows.Concat(ratios.SelectMany(r => new[] { r.A, r.B })).Distinct().ToArray();
        _scale = Math.Sqrt(barsPerDay);
    }

    public override SymbolStream CreateStream(SymbolEnvironment environment) => new Stream(this);

    private sealed class Stream : SymbolStream
    {
        private readonly VolatilityBlock _b;
        private readonly RollingMoments[] _m;
        private readonly double[] _sd;

        public Stream(VolatilityBlock b)
        {
            _b = b;
            _m = b._all.Select(w => new RollingMoments(w)).ToArray();
            _sd = new double[_m.Length];
        }

        public override void Update(in BarContext bar, Span<double> output)
        {
            for (int i = 0; i < _m.Length; i++)
            {
                _m[i].Push(bar.LogReturn);
                _sd[i] = _m[i].Count >= _m[i].Capacity ? _m[i].StdDev : double.NaN;
            }

            int k = 0;
            foreach (int w in _b._windows)
            {
                output[k++] = _sd[Array.IndexOf(_b._all, w)] * _b._scale;
            }

            foreach (var (a, bb) in _b._ratios)
            {
                double sa = _sd[Array.IndexOf(_b._all, a)], sb = _sd[Array.IndexOf(_b._all, bb)];
                output[k++] = sb > 0 ? sa / sb : double.NaN;
            }
        }
    }
}

using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.Technical;

/// <summary>Log returns over several horizons: <c>ret_h = ln(C_t / C_{t−h})</c>.</summary>
/// <param name="Horizons">Horizons in bars.</param>
public sealed record ReturnsSpec(IReadOnlyList<int> Horizons) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "returns";

    internal override void Build(PlanBuilder builder)
    {
        var h = SpecChecks.Windows(builder, Horizons, "horizons", 1);
        builder.Add(new ReturnsBlock(h));
    }
}

/// <summary>
/// Volatility-scaled log returns: <c>ret_z_h = ln(C_t/C_{t−h}) / (σ·√h)</c>, σ the sample standard deviation of
/// one-bar log returns over the last <paramref name="VolWindow"/> bars: comparable across symbols and regimes.
/// </summary>
/// <param name="Horizons">Horizons in bars.</param>
/// <param name="VolWindow">Bars in the volatility estimate.</param>
public sealed record VolScaledReturnsSpec(IReadOnlyList<int> Horizons, int VolWindow = 130) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "vol_scaled_returns";

    internal override void Build(PlanBuilder builder)
    {
        var h = SpecChecks.Windows(builder, Horizons, "horizons", 1);
        SpecChecks.Int(builder, VolWindow, "vol_window", 2);
        builder.Add(new VolScaledReturnsBlock(h, VolWindow));
    }
}

internal sealed class ReturnsBlock : SymbolBlock
{
    private readonly int[] _h;

    public ReturnsBlock(int[] horizons)
        : base(horizons.Select(h => new FeatureInfo("ret_" + SpecChecks.Text(h), "returns", $"ln(close / close {SpecChecks.Bars(h)} earlier)")).ToArray())
    {
        _h = horizons;
    }

    public override SymbolStream CreateStream(SymbolEnvironment environment) => new Stream(_h);

    private sealed class Stream(int[] h) : SymbolStream
    {
        private readonly RingBuffer _logClose = new(h.Max() + 1);

        public override void Update(in BarContext bar, Span<double> output)
        {
            _logClose.Push(bar.Close > 0 ? Math.Log(bar.Close) : double.NaN);
            double now = _logClose[0];
            for (int i = 0; i < h.Length; i++)
            {
                output[i] = now - _logClose[h[i]];
            }
        }
    }
}

internal sealed class VolScaledReturnsBlock : SymbolBlock
{
    private readonly int[] _h;
    private readonly int _window;

    public VolScaledReturnsBlock(int[] horizons, int window)
        : base(horizons.Select(h => new FeatureInfo("ret_z_" + SpecChecks.Text(h), "vol_scaled_returns",
            $"ln return over {h} bars / (sd of 1-bar log returns over {window} bars · √{h})")).ToArray())
    {
        _h = horizons;
        _window = window;
    }

    public override SymbolStream CreateStream(SymbolEnvironment environment) => new Stream(_h, _window);

    private sealed class Stream(int[] h, int window) : SymbolStream
    {
        private readonly RingBuffer _logClose = new(h.Max() + 1);
        private readonly RollingMoments _vol = new(window);

        public override void Update(in BarContext bar, Span<double> output)
        {
            _logClose.Push(bar.Close > 0 ? Math.Log(bar.Close) : double.NaN);
            _vol.Push(bar.LogReturn);
            double sd = _vol.Count >= window ? _vol.StdDev : double.NaN;
            double now = _logClose[0];
            for (int i = 0; i < h.Length; i++)
            {
                output[i] = sd > 0 ? (now - _logClose[h[i]]) / (sd * Math.Sqrt(h[i])) : double.NaN;
            }
        }
    }
}

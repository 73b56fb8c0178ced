using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.Microstructure;

/// <summary>
/// Signed volume imbalance over rolling windows: by bulk volume classification,
/// <c>Σ V·(2Φ(r/σ) − 1) / Σ V</c>, and by the tick rule, <c>Σ sign(r)·V / Σ V</c>; both in [−1, 1].
/// </summary>
/// <param name="Windows">Windows in bars.</param>
/// <param name="SigmaWindow">Bars in the σ of bulk classification.</param>
public sealed record VolumeImbalanceSpec(IReadOnlyList<int> Windows, int SigmaWindow = 130) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "volume_imbalance";

    internal override void Build(PlanBuilder builder) =>
        builder.Add(new VolumeImbalanceBlock(SpecChecks.Windows(builder, Windows, "windows", 1), SpecChecks.Int(builder, SigmaWindow, "sigma_window", 2)));
}

internal sealed class VolumeImbalanceBlock : SymbolBlock
{
    private readonly int[] _windows;
    private readonly int _sigmaWindow;

    public VolumeImbalanceBlock(int[] windows, int sigmaWindow)
        : base(windows.Select(w => new FeatureInfo("bvc_imbalance_" + SpecChecks.Text(w), "volume_imbalance", $"Σ V·(2Φ(r/σ) − 1) / Σ V over {w} bars (bulk volume classification)"))
            .Concat(windows.Select(w => new FeatureInfo("tick_imbalance_" + SpecChecks.Text(w), "volume_imbalance", $"Σ sign(r)·V / Σ V over {w} bars (tick rule)"))).ToArray())
    {
        _windows = windows;
        _sigmaWindow = sigmaWindow;
    }

    public override SymbolStream CreateStream(SymbolEnvironment environment) => new Stream(this);

    private sealed class Stream(VolumeImbalanceBlock b) : SymbolStream
    {
        private readonly BulkVolume _bvc = new(b._sigmaWindow);
        private readonly RollingSum[] _bvcSigned = b._windows.Select(w => new RollingSum(w)).ToArray();
        private readonly RollingSum[] _tickSigned = b._windows.Select(w => new RollingSum(w)).ToArray();
        private readonly RollingSum[] _bvcVolume = b._windows.Select(w => new RollingSum(w)).ToArray();
        private readonly RollingSum[] _tickVolume = b._windows.Select(w => new RollingSum(w)).ToArray();

        public override void Update(in BarContext bar, Span<double> output)
        {
            double share = _bvc.BuyShare(bar.LogReturn);
            double v = bar.Volume;
            double r = bar.LogReturn;
            int n = b._windows.Length;
            for (int i = 0; i < n; i++)
            {
                int w = b._windows[i];
                _bvcSigned[i].Push(v * ((2 * share) - 1));
                _bvcVolume[i].Push(double.IsNaN(share) ? double.NaN : v);
                _tickSigned[i].Push(double.IsNaN(r) ? double.NaN : Math.Sign(r) * v);
                _tickVolume[i].Push(double.IsNaN(r) ? double.NaN : v);
                output[i] = _bvcSigned[i].Count >= w && _bvcVolume[i].Sum > 0 ? _bvcSigned[i].Sum / _bvcVolume[i].Sum : double.NaN;
                output[n + i] = _tickSigned[i].Count >= w && _tickVolume[i].Sum > 0 ? _tickSigned[i].Sum / _tickVolume[i].Sum : double.NaN;
            }
        }
    }
}

using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.Microstructure;

/// <summary>
/// Amihud (2002) illiquidity: the mean over a window of <c>|r_t| / (close_t·volume_t)</c> (NaN while the window holds
/// a bar without volume), reported as its natural log (the raw ratio spans orders of magnitude across symbols).
/// </summary>
/// <param name="Windows">Windows in bars.</param>
public sealed record AmihudSpec(IReadOnlyList<int> Windows) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "amihud";

    internal override void Build(PlanBuilder builder) => builder.Add(new AmihudBlock(SpecChecks.Windows(builder, Windows, "windows", 2)));
}

internal sealed class AmihudBlock : SymbolBlock
{
    private readonly int[] _windows;

    public AmihudBlock(int[] windows)
        : base(windows.Select(w => new FeatureInfo("amihud_" + SpecChecks.Text(w), "amihud", $"ln of mean |r| / dollar volume over {w} bars")).ToArray())
    {
        _windows = windows;
    }

    public override SymbolStream CreateStream(SymbolEnvironment environment) => new Stream(_windows);

    private sealed class Stream(int[] windows) : SymbolStream
    {
        private readonly RollingSum[] _s = windows.Select(w => new RollingSum(w)).ToArray();

        public override void Update(in BarContext bar, Span<double> output)
        {
            double dv = bar.Close * bar.Volume;
            double x = dv > 0 && !double.IsNaN(bar.LogReturn) ? Math.Abs(bar.LogReturn) / dv : double.NaN;
            for (int i = 0; i < _s.Length; i++)
            {
                _s[i].Push(x);
                double mean = _s[i].Mean;
                output[i] = _s[i].Count >= windows[i] && mean > 0 ? Math.Log(mean) : double.NaN;
            }
        }
    }
}

using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.Microstructure;

/// <summary>
/// Roll's (1984) implied spread from the serial covariance of price changes: <c>2·√(−cov(r_t, r_{t−1}))</c> when the
/// covariance is negative, else 0, with log returns so the spread is relative; reported in basis points.
/// </summary>
/// <param name="Windows">Windows in bars.</param>
public sealed record RollSpreadSpec(IReadOnlyList<int> Windows) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "roll_spread";

    internal override void Build(PlanBuilder builder) => builder.Add(new RollSpreadBlock(SpecChecks.Windows(builder, Windows, "windows", 3)));
}

internal sealed class RollSpreadBlock : SymbolBlock
{
    private readonly int[] _windows;

    public RollSpreadBlock(int[] windows)
        : base(windows.Select(w => new FeatureInfo("roll_spread_" + SpecChecks.Text(w), "roll_spread",
            $"2·√max(0, −cov(r_t, r_t−1)) over {w} bars, basis points")).ToArray())
    {
        _windows = windows;
    }

    public override SymbolStream CreateStream(SymbolEnvironment environment) => new Stream(_windows);

    private sealed class Stream(int[] windows) : SymbolStream
    {
        private readonly RollingCovariance[] _c = windows.Select(w => new RollingCovariance(w)).ToArray();
        private double _prev = double.NaN;

        public override void Update(in BarContext bar, Span<double> output)
        {
            double r = bar.LogReturn;
            for (int i = 0; i < _c.Length; i++)
            {
                _c[i].Push(_prev, r);
                double cov = _c[i].Covariance;
                output[i] = _c[i].Count >= windows[i] ? (cov < 0 ? 2 * Math.Sqrt(-cov) * 1e4 : 0.0) : double.NaN;
            }

            _prev = r;
        }
    }
}

using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.Microstructure;

/// <summary>
/// Corwin–Schultz (2012) high-low spread estimator over consecutive bars (t−1, t): with the bar-t range shifted by
/// the gap when it does not contain the previous close (their overnight adjustment),
/// <c>β = ln²(H_t/L_t) + ln²(H_{t−1}/L_{t−1})</c>, <c>γ = ln²(max(H)/min(L))</c> over both bars,
/// <c>α = (√(2β) − √β)/(3 − 2√2) − √(γ/(3 − 2√2))</c>, <c>S = 2(e^α − 1)/(1 + e^α)</c>; negative two-bar estimates
/// are set to 0 before averaging over the window, as in the paper; basis points.
/// </summary>
/// <param name="Windows">Windows in bars.</param>
public sealed record CorwinSchultzSpec(IReadOnlyList<int> Windows) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "corwin_schultz";

    internal override void Build(PlanBuilder builder) => builder.Add(new CorwinSchultzBlock(SpecChecks.Windows(builder, Windows, "windows", 1)));
}

internal sealed class CorwinSchultzBlock : SymbolBlock
{
    private static readonly double K = 3 - (2 * Math.Sqrt(2));
    private readonly int[] _windows;

    public CorwinSchultzBlock(int[] windows)
        : base(windows.Select(w => new FeatureInfo("corwin_schultz_" + SpecChecks.Text(w), "corwin_schultz",
            $"Corwin–Schultz two-bar high-low spread, negatives set to 0, mean over {w} bars, basis points")).ToArray())
    {
        _windows = windows;
    }

    public override SymbolStream CreateStream(SymbolEnvironment environment) => new Stream(_windows);

    /// <summary>The two-bar estimate (may be negative) from bar t−1 (h0, l0) and bar t (h1, l1) after the gap adjustment.</summary>
    internal static double TwoBar(double h0, double l0, double h1, double l1, double prevClose)
    {
        if (!(h0 > 0 && l0 > 0 && h1 > 0 && l1 > 0))
        {
            return double.NaN;
        }

        if (l1 > prevClose)
        {
            double shift = l1 - prevClose;
            h1 -= shift;
            l1 -= shift;
        }
        else if (h1 < prevClose)
        {
            double shift = prevClose - h1;
            h1 += shift;
            l1 += shift;
        }

        double a = Math.Log(h1 / l1), b = Math.Log(h0 / l0);
        double beta = (a * a) + (b * b);
        double g = Math.Log(Math.Max(h0, h1) / Math.Min(l0, l1));
        double gamma = g * g;
        double alpha = ((Math.Sqrt(2 * beta) - Math.Sqrt(beta)) / K) - Math.Sqrt(gamma / K);
        return 2 * (Math.Exp(alpha) - 1) / (1 + Math.Exp(alpha));
    }

    private sealed class Stream(int[] windows) : SymbolStream
    {
        private readonly RollingSum[] _s = windows.Select(w => new RollingSum(w)).ToArray();
        private double _h = double.NaN;
        private double _l = double.NaN;

        public override void Update(in BarContext bar, Span<double> output)
        {
            double s = TwoBar(_h, _l, bar.High, bar.Low, bar.PrevClose);
            if (s < 0)
            {
                s = 0;
            }

            for (int i = 0; i < _s.Length; i++)
            {
                _s[i].Push(s);
                output[i] = _s[i].Count >= windows[i] ? _s[i].Mean * 1e4 : double.NaN;
            }

            _h = bar.High;
            _l = bar.Low;
        }
    }
}

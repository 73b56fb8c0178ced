using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.Microstructure;

/// <summary>
/// Kyle's lambda (Kyle 1985), estimated from bars as in López de Prado, <i>Advances in Financial Machine Learning</i>
/// (2018) §19.3.1: the slope λ of the rolling regression <c>r_t = α + λ·x_t + ε</c> of one-bar log returns on signed
/// dollar volume <c>x_t = sign(r_t)·close·volume / 10⁶</c> (tick rule). Reported as λ·mean|x| over the window: the
/// price impact, as a log return, of a typical bar's order flow, comparable across symbols.
/// </summary>
/// <param name="Windows">Regression windows in bars.</param>
public sealed record KyleLambdaSpec(IReadOnlyList<int> Windows) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "kyle_lambda";

    internal override void Build(PlanBuilder builder) => builder.Add(new KyleLambdaBlock(SpecChecks.Windows(builder, Windows, "windows", 5)));
}

internal sealed class KyleLambdaBlock : SymbolBlock
{
    private readonly int[] _windows;

    public KyleLambdaBlock(int[] windows)
        : base(windows.Select(w => new FeatureInfo("kyle_lambda_" + SpecChecks.Text(w), "kyle_lambda",
            $"slope of r on sign(r)·dollar volume ($M) over {w} bars × mean |signed $ volume| (impact of a typical bar's flow)")).ToArray())
    {
        _windows = windows;
    }

    public override SymbolStream CreateStream(SymbolEnvironment environment) => new Stream(_windows);

    private sealed class Stream(int[] windows) : SymbolStream
    {
        private readonly RollingCovariance[] _reg = windows.Select(w => new RollingCovariance(w)).ToArray();
        private readonly RollingSum[] _abs = windows.Select(w => new RollingSum(w)).ToArray();

        public override void Update(in BarContext bar, Span<double> output)
        {
            double r = bar.LogReturn;
            double x = double.IsNaN(r) ? double.NaN : Math.Sign(r) * bar.Close * bar.Volume / 1e6;
            for (int i = 0; i < _reg.Length; i++)
            {
                _reg[i].Push(x, r);
                _abs[i].Push(Math.Abs(x));
                output[i] = _reg[i].Count >= windows[i] ? _reg[i].Slope * _abs[i].Mean : double.NaN;
            }
        }
    }
}

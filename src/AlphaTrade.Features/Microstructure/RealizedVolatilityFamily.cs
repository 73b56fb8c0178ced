using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.Microstructure;

/// <summary>
/// Realised volatility and its decomposition over rolling windows of one-bar log returns r:
/// <c>rv = √(Σr² · bars_per_day / w)</c> (daily units); the jump share <c>max(RV − BV, 0)/RV</c> with bipower
/// variation <c>BV = (π/2)·Σ|r_t||r_{t−1}|</c> (Barndorff-Nielsen &amp; Shephard 2004); the downside share
/// <c>Σr²·1{r&lt;0}/RV</c> (realised semivariance, Barndorff-Nielsen, Kinnebrock &amp; Shephard 2010); realised
/// skewness <c>√w·Σr³/RV^{3/2}</c> (Amaya et al. 2015); and the overnight share of variance over the last
/// <paramref name="OvernightDays"/> completed sessions: Σ gap² / (Σ gap² + Σ intraday r²).
/// </summary>
/// <param name="Windows">Windows in bars.</param>
/// <param name="OvernightDays">Sessions in the overnight share.</param>
public sealed record RealizedVolatilitySpec(IReadOnlyList<int> Windows, int OvernightDays = 20) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "realized_vol";

    internal override void Build(PlanBuilder builder) =>
        builder.Add(new RealizedVolatilityBlock(SpecChecks.Windows(builder, Windows, "windows", 3), SpecChecks.Int(builder, OvernightDays, "overnight_days", 1, 1000), builder.Options.BarsPerDay));
}

internal sealed class RealizedVolatilityBlock : SymbolBlock
{
    private readonly int[] _windows;
    private readonly int _days;
    private readonly int _barsPerDay;

    public RealizedVolatilityBlock(int[] windows, int days, int barsPerDay)
        : base(windows.SelectMany(w => new[]
        {
            new FeatureInfo("rv_" + SpecChecks.Text(w), "realized_vol", $"√(Σ r² · {barsPerDay} / {w}) over {w} bars (daily units)"),
            new FeatureInfo("rv_jump_share_" + SpecChecks.Text(w), "realized_vol", $"max(RV − BV, 0) / RV over {w} bars (jump share of variance)"),
            new FeatureInfo("rv_down_share_" + SpecChecks.Text(w), "realized_vol", $"Σ r²·1(r<0) / RV over {w} bars (downside semivariance share)"),
            new FeatureInfo("rv_skew_" + SpecChecks.Text(w), "realized_vol", $"√n · Σ r³ / RV^1.5 over {w} bars (realised skewness)"),
        }).Append(new FeatureInfo("rv_overnight_share", "realized_vol", $"Σ gap² / (Σ gap² + Σ intraday r²) over the last {days} completed sessions")).ToArray())
    {
        _windows = windows;
        _days = days;
        _barsPerDay = barsPerDay;
    }

    public override SymbolStream CreateStream(SymbolEnvironment environment) => new Stream(this);

    private sealed class Stream : SymbolStream
    {
        private readonly RealizedVolatilityBlock _b;
        private readonly RollingSum[] _sq;
        private readonly RollingSum[] _bp;
        private readonly RollingSum[] _down;
        private readonly RollingSum[] _cube;
        private readonly RollingSum _gapSq;
        private readonly RollingSum _intraSq;
        private double _prevAbs = double.NaN;
        private double _dayGapSq = double.NaN;
        private double _dayIntraSq;
        private bool _started;

        public Stream(RealizedVolatilityBlock b)
        {
            _b = b;
            _sq = b._windows.Select(w => new RollingSum(w)).ToArray();
            _bp = b._windows.Select(w => new RollingSum(w)).ToArray();
            _down = b._windows.Select(w => new RollingSum(w)).ToArray();
            _cube = b._windows.Select(w => new RollingSum(w)).ToArray();
            _gapSq = new RollingSum(b._days);
            _intraSq = new RollingSum(b._days);
        }

        public override void Update(in BarContext bar, Span<double> output)
        {
            double r = bar.LogReturn;
            double r2 = r * r;
            double bp = Math.Abs(r) * _prevAbs;
            int k = 0;
            for (int i = 0; i < _sq.Length; i++)
            {
                int w = _b._windows[i];
                _sq[i].Push(r2);
                _bp[i].Push(bp);
                _down[i].Push(r < 0 ? r2 : double.IsNaN(r) ? double.NaN : 0);
                _cube[i].Push(r2 * r);
                bool ready = _sq[i].Count >= w;
                double rv = _sq[i].Sum;
                output[k++] = ready ? Math.Sqrt(rv * _b._barsPerDay / w) : double.NaN;
                double bv = Math.PI / 2 * _bp[i].Sum * w / Math.Max(1, _bp[i].Count);
                output[k++] = ready && _bp[i].Count >= w - 1 && rv > 0 ? Math.Max(rv - bv, 0) / rv : double.NaN;
                output[k++] = ready && rv > 0 ? _down[i].Sum / rv : double.NaN;
                output[k++] = ready && rv > 0 ? Math.Sqrt(w) * _cube[i].Sum / Math.Pow(rv, 1.5) : double.NaN;
            }

            _prevAbs = Math.Abs(r);

            if (bar.NewSession)
            {
                if (_started)
                {
                    _gapSq.Push(_dayGapSq);
                    _intraSq.Push(_dayIntraSq);
                }

                _started = true;
                double gap = bar.PrevSessionClose > 0 ? Math.Log(bar.SessionOpen / bar.PrevSessionClose) : double.NaN;
                _dayGapSq = gap * gap;
                double first = Math.Log(bar.Close / bar.Open);
                _dayIntraSq = first * first;
            }
            else
            {
                _dayIntraSq += double.IsNaN(r) ? 0 : r2;
            }

            double total = _gapSq.Sum + _intraSq.Sum;
            output[k] = _gapSq.Count >= _b._days && total > 0 ? _gapSq.Sum / total : double.NaN;
        }
    }
}

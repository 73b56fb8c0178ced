using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.Technical;

/// <summary>
/// Volume features: z-scores of ln(1 + volume) over rolling windows; volume relative to the same time-of-day slot of
/// the previous <paramref name="SeasonalDays"/> sessions (removes the intraday U-shape); the session's cumulative
/// volume relative to a typical full session (pace); ln dollar volume.
/// </summary>
/// <param name="ZWindows">Windows (bars) of the volume z-scores.</param>
/// <param name="SeasonalDays">Sessions in the time-of-day and pace baselines.</param>
public sealed record VolumeSpec(IReadOnlyList<int> ZWindows, int SeasonalDays = 20) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "volume";

    internal override void Build(PlanBuilder builder)
    {
        var w = SpecChecks.Windows(builder, ZWindows, "z_windows", 2);
        SpecChecks.Int(builder, SeasonalDays, "seasonal_days", 1, 1000);
        builder.Add(new VolumeBlock(w, SeasonalDays));
    }
}

internal sealed class VolumeBlock : SymbolBlock
{
    private const int MaxSlots = 400;
    private readonly int[] _windows;
    private readonly int _days;

    public VolumeBlock(int[] windows, int days)
        : base(windows.Select(w => new FeatureInfo("volume_z_" + SpecChecks.Text(w), "volume", $"z-score of ln(1 + volume) over {w} bars"))
            .Concat(
            [
                new FeatureInfo("volume_tod_ratio", "volume", $"ln((1 + volume) / (1 + mean volume of the same bar-of-session slot over the previous {days} sessions))"),
                new FeatureInfo("volume_pace", "volume", $"ln(session volume so far / mean full-session volume of the previous {days} sessions)"),
                new FeatureInfo("dollar_volume_log", "volume", "ln(1 + close × volume)"),
            ]).ToArray())
    {
        _windows = windows;
        _days = days;
    }

    public override SymbolStream CreateStream(SymbolEnvironment environment) => new Stream(this);

    private sealed class Stream : SymbolStream
    {
        private readonly VolumeBlock _b;
        private readonly RollingMoments[] _z;
        private readonly RollingSum[] _slots;
        private readonly RollingSum _sessions;
        private double _sessionVolume;
        private bool _started;

        public Stream(VolumeBlock b)
        {
            _b = b;
            _z = b._windows.Select(w => new RollingMoments(w)).ToArray();
            _slots = new RollingSum[MaxSlots];
            _sessions = new RollingSum(b._days);
        }

        public override void Update(in BarContext bar, Span<double> output)
        {
            double lv = bar.Volume >= 0 ? Math.Log(1 + bar.Volume) : double.NaN;
            int k = 0;
            foreach (var m in _z)
            {
                m.Push(lv);
                output[k++] = m.Count >= m.Capacity ? m.ZScore(lv) : double.NaN;
            }

            if (bar.NewSession)
            {
                if (_started)
                {
                    _sessions.Push(_sessionVolume);
                }

                _sessionVolume = 0;
                _started = true;
            }

            _sessionVolume += bar.Volume;
            int slot = Math.Min(bar.BarInSession, MaxSlots - 1);
            var s = _slots[slot] ??= new RollingSum(_b._days);
            output[k++] = s.Count >= _b._days ? Math.Log((1 + bar.Volume) / (1 + s.Mean)) : double.NaN;
            s.Push(bar.Volume);
            output[k++] = _sessions.Count >= _b._days && _sessions.Mean > 0 && _sessionVolume > 0 ? Math.Log(_sessionVolume / _sessions.Mean) : double.NaN;
            output[k] = bar.Close > 0 && bar.Volume >= 0 ? Math.Log(1 + (bar.Close * bar.Volume)) : double.NaN;
        }
    }
}

using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Engine;
using AlphaTrade.Features.Rolling;

namespace AlphaTrade.Features.Microstructure;

/// <summary>
/// VPIN, the volume-synchronised probability of informed trading (Easley, López de Prado &amp; O'Hara 2012). Bars'
/// volume is split into buys and sells by bulk volume classification and poured into equal-volume buckets; VPIN is
/// <c>Σ|V_buy − V_sell| / Σ V</c> over the last n completed buckets. The bucket size is fixed each session from the
/// past only: the mean session volume of the previous <paramref name="VolumeDays"/> sessions divided by
/// <paramref name="BucketsPerDay"/>.
/// </summary>
/// <param name="Windows">Numbers of buckets n (one feature each).</param>
/// <param name="BucketsPerDay">Buckets in a typical session.</param>
/// <param name="VolumeDays">Sessions in the bucket-size estimate.</param>
/// <param name="SigmaWindow">Bars in the σ of bulk classification.</param>
public sealed record VpinSpec(IReadOnlyList<int> Windows, int BucketsPerDay = 50, int VolumeDays = 20, int SigmaWindow = 130) : FeatureFamilySpec
{
    /// <inheritdoc />
    public override string Family => "vpin";

    internal override void Build(PlanBuilder builder) => builder.Add(new VpinBlock(
        SpecChecks.Windows(builder, Windows, "windows", 2, 10_000),
        SpecChecks.Int(builder, BucketsPerDay, "buckets_per_day", 1, 10_000),
        SpecChecks.Int(builder, VolumeDays, "volume_days", 1, 1000),
        SpecChecks.Int(builder, SigmaWindow, "sigma_window", 2)));
}

internal sealed class VpinBlock : SymbolBlock
{
    private readonly int[] _windows;
    private readonly int _bucketsPerDay;
    private readonly int _volumeDays;
    private readonly int _sigmaWindow;

    public VpinBlock(int[] windows, int bucketsPerDay, int volumeDays, int sigmaWindow)
        : base(windows.Select(n => new FeatureInfo("vpin_" + SpecChecks.Text(n), "vpin",
            $"Σ|buy − sell| / Σ volume over the last {n} volume buckets (1/{bucketsPerDay} of the mean session volume of the previous {volumeDays} sessions; BVC with σ over {sigmaWindow} bars)")).ToArray())
    {
        _windows = windows;
        _bucketsPerDay = bucketsPerDay;
        _volumeDays = volumeDays;
        _sigmaWindow = sigmaWindow;
    }

    public override SymbolStream CreateStream(SymbolEnvironment environment) => new Stream(this);

    private sealed class Stream : SymbolStream
    {
        private readonly VpinBlock _b;
        private readonly BulkVolume _bvc;
        private readonly RollingSum _sessions;
        private readonly RollingSum[] _imbalance;
        private readonly RollingSum[] _volume;
        private double _sessionVolume;
        private bool _started;
        private double _bucketSize = double.NaN;
        private double _fillBuy;
        private double _fillSell;

        public Stream(VpinBlock b)
        {
            _b = b;
            _bvc = new BulkVolume(b._sigmaWindow);
            _sessions = new RollingSum(b._volumeDays);
            _imbalance = b._windows.Select(n => new RollingSum(n)).ToArray();
            _volume = b._windows.Select(n => new RollingSum(n)).ToArray();
        }

        public override void Update(in BarContext bar, Span<double> output)
        {
            if (bar.NewSession)
            {
                if (_started)
                {
                    _sessions.Push(_sessionVolume);
                }

                _started = true;
                _sessionVolume = 0;
                if (_sessions.Count >= _b._volumeDays && _sessions.Mean > 0)
                {
                    _bucketSize = _sessions.Mean / _b._bucketsPerDay;
                }
            }

            _sessionVolume += bar.Volume;
            double share = _bvc.BuyShare(bar.LogReturn);
            if (!double.IsNaN(_bucketSize) && !double.IsNaN(share) && bar.Volume > 0)
            {
                Pour(bar.Volume * share, bar.Volume * (1 - share));
            }

            for (int i = 0; i < _imbalance.Length; i++)
            {
                output[i] = _imbalance[i].Count >= _b._windows[i] && _volume[i].Sum > 0 ? _imbalance[i].Sum / _volume[i].Sum : double.NaN;
            }
        }

        // Fills the open bucket; a bar larger than the room left completes it and spills into new buckets with the
        // same buy share. Bucket size changes take effect from the next bucket.
        private void Pour(double buy, double sell)
        {
            double total = buy + sell;
            double shareBuy = buy / total;
            while (total > 0)
            {
                double room = _bucketSize - (_fillBuy + _fillSell);
                double take = Math.Min(room, total);
                _fillBuy += take * shareBuy;
                _fillSell += take * (1 - shareBuy);
                total -= take;
                if (_fillBuy + _fillSell >= _bucketSize * (1 - 1e-12))
                {
                    double imbalance = Math.Abs(_fillBuy - _fillSell);
                    double volume = _fillBuy + _fillSell;
                    for (int i = 0; i < _imbalance.Length; i++)
                    {
                        _imbalance[i].Push(imbalance);
                        _volume[i].Push(volume);
                    }

                    _fillBuy = 0;
                    _fillSell = 0;
                }
            }
        }
    }
}

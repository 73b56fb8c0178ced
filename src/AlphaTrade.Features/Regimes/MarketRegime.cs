namespace AlphaTrade.Features.Regimes;

/// <summary>A market regime, as the HMM states are labelled.</summary>
public enum MarketRegime
{
    /// <summary>Highest mean-to-volatility ratio of daily returns.</summary>
    Bull = 0,

    /// <summary>Lowest mean-to-volatility ratio.</summary>
    Bear = 1,

    /// <summary>In between (three-state models only).</summary>
    Sideways = 2,
}

/// <summary>Labels HMM states as regimes by the mean-to-volatility ratio of their return dimension.</summary>
public static class RegimeLabeler
{
    /// <summary>
    /// The regime of each state: the highest ratio μ/σ of dimension 0 (after undoing the standardisation
    /// <paramref name="center"/>, <paramref name="scale"/>) is bull, the lowest bear, the others sideways.
    /// </summary>
    public static MarketRegime[] Label(GaussianHmm model, double center = 0, double scale = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        int k = model.States;
        var score = Enumerable.Range(0, k).Select(j => (center + (scale * model.Means[j][0])) / (scale * Math.Sqrt(model.Variances[j][0]))).ToArray();
        var order = Enumerable.Range(0, k).OrderBy(j => score[j]).ThenBy(j => j).ToArray();
        var labels = Enumerable.Repeat(MarketRegime.Sideways, k).ToArray();
        labels[order[^1]] = MarketRegime.Bull;
        if (k > 1)
        {
            labels[order[0]] = MarketRegime.Bear;
        }

        return labels;
    }
}

/// <summary>
/// Walk-forward regime filter over daily observations: refits the HMM every <c>refitEvery</c> days on the days seen
/// so far (optionally the last <c>maxTrain</c>), never on later ones, and between refits advances the filtered state
/// distribution one day at a time. Regime probabilities are therefore point-in-time.
/// </summary>
internal sealed class RegimeFilter
{
    private readonly List<double[]> _raw = [];
    private readonly int _minTrain;
    private readonly int _refitEvery;
    private readonly int _maxTrain;
    private readonly HmmFitOptions _options;
    private GaussianHmm? _model;
    private MarketRegime[] _labels = [];
    private double[] _center = [];
    private double[] _scale = [];
    private double[]? _filtered;

    private readonly int _refitRestarts;

    /// <summary>
    /// Creates a filter. The first fit tries <c>options.Restarts</c> starting points; later refits start from the
    /// previous model plus <paramref name="refitRestarts"/> − 1 random points (warm starts converge in a few
    /// iterations, which keeps a live update on a refit day cheap, and keep the states' meaning stable).
    /// </summary>
    public RegimeFilter(int minTrain, int refitEvery, int maxTrain, HmmFitOptions options, int refitRestarts = 1)
    {
        _minTrain = minTrain;
        _refitEvery = refitEvery;
        _maxTrain = maxTrain;
        _options = options;
        _refitRestarts = refitRestarts;
    }

    /// <summary>Days observed.</summary>
    public int Days => _raw.Count;

    /// <summary>The current model (null before the first fit).</summary>
    public GaussianHmm? Model => _model;

    /// <summary>Probability of each regime (index = <see cref="MarketRegime"/>) after the last day, or null before the first fit.</summary>
    public double[]? RegimeProbabilities
    {
        get
        {
            if (_filtered is null)
            {
                return null;
            }

            var p = new double[3];
            for (int j = 0; j < _filtered.Length; j++)
            {
                p[(int)_labels[j]] += _filtered[j];
            }

            return p;
        }
    }

    public void AddDay(double[] observation)
    {
        _raw.Add(observation);
        int count = _raw.Count;
        if (count >= _minTrain && (count - _minTrain) % _refitEvery == 0)
        {
            Refit();
        }
        else if (_model is not null)
        {
            _filtered = _model.FilterStep(_filtered, Standardize(observation));
        }
    }

    private double[] Standardize(double[] x) => x.Select((v, i) => (v - _center[i]) / _scale[i]).ToArray();

    private void Refit()
    {
        int from = _maxTrain > 0 ? Math.Max(0, _raw.Count - _maxTrain) : 0;
        var window = _raw.GetRange(from, _raw.Count - from);
        int d = window[0].Length;
        _center = new double[d];
        _scale = new double[d];
        for (int x = 0; x < d; x++)
        {
            double m = window.Average(o => o[x]);
            double sd = Math.Sqrt(window.Average(o => (o[x] - m) * (o[x] - m)));
            _center[x] = m;
            _scale[x] = sd > 0 ? sd : 1;
        }

        var z = window.Select(Standardize).ToArray();
        var options = _options with { Seed = _options.Seed ^ (ulong)_raw.Count };
        var fit = _model is null ? BaumWelch.Fit(z, options) : BaumWelch.Fit(z, options with { Restarts = _refitRestarts }, _model);
        _model = fit.Model;
        _labels = RegimeLabeler.Label(_model, _center[0], _scale[0]);
        _filtered = _model.Filter(z)[^1];
    }
}

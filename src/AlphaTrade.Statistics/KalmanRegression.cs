namespace AlphaTrade.Statistics;

/// <summary>One step of a Kalman-filter regression.</summary>
/// <param name="Beta">Hedge ratio after the update.</param>
/// <param name="Alpha">Intercept after the update.</param>
/// <param name="Error">Forecast error y − (β·x + α) before the update: the trading signal.</param>
/// <param name="ErrorVariance">Forecast error variance Q; √Q scales the error into a z-score.</param>
public readonly record struct KalmanStep(double Beta, double Alpha, double Error, double ErrorVariance);

/// <summary>
/// Time-varying regression y_t = β_t·x_t + α_t + ε_t with (β, α) a random walk, filtered by a Kalman filter
/// (the formulation of E. Chan, Algorithmic Trading, 2013, ch. 3): state noise covariance δ/(1−δ)·I, observation
/// noise variance Ve. Streaming: O(1) per update, no allocation. Not thread-safe.
/// </summary>
public sealed class KalmanRegression
{
    private readonly double _vw;
    private readonly double _ve;
    private double _beta;
    private double _alpha;
    private double _p00;
    private double _p01;
    private double _p11;
    private int _count;

    /// <summary>Creates a filter with state-noise parameter δ in (0, 1) and observation variance Ve &gt; 0.</summary>
    public KalmanRegression(double delta = 1e-4, double observationVariance = 1e-3)
    {
        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must be in (0, 1).");
        }

        if (!(observationVariance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(observationVariance), observationVariance, "The observation variance must be positive.");
        }

        _vw = delta / (1 - delta);
        _ve = observationVariance;
    }

    /// <summary>Current hedge ratio.</summary>
    public double Beta => _beta;

    /// <summary>Current intercept.</summary>
    public double Alpha => _alpha;

    /// <summary>Observations seen.</summary>
    public int Count => _count;

    /// <summary>Feeds one (x, y) observation and returns the forecast error and the updated state.</summary>
    public KalmanStep Update(double x, double y)
    {
        // Prior covariance R = P + Vw (zero before the first observation, as in Chan's formulation).
        double r00 = 0, r01 = 0, r11 = 0;
        if (_count > 0)
        {
            r00 = _p00 + _vw;
            r01 = _p01;
            r11 = _p11 + _vw;
        }

        double yhat = (_beta * x) + _alpha;
        double rf0 = (r00 * x) + r01;       // R·F, F = [x, 1]
        double rf1 = (r01 * x) + r11;
        double q = (x * rf0) + rf1 + _ve;
        double e = y - yhat;
        double k0 = rf0 / q;
        double k1 = rf1 / q;
        _beta += k0 * e;
        _alpha += k1 * e;

        // P = R − K·F'·R, with F'·R = (R·F)' since R is symmetric.
        _p00 = r00 - (k0 * rf0);
        _p01 = r01 - (k0 * rf1);
        _p11 = r11 - (k1 * rf1);
        _count++;
        return new KalmanStep(_beta, _alpha, e, q);
    }
}

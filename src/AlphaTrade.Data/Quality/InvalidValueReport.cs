namespace AlphaTrade.Data.Quality;

/// <summary>
/// Rows dropped for values no repair can fix. Each row counts once, under the first rule it breaks in the order
/// listed.
/// </summary>
/// <param name="NonFinite">Rows with a NaN or infinite price or volume.</param>
/// <param name="NonPositivePrice">Rows with a price ≤ 0.</param>
/// <param name="NegativeVolume">Rows with a negative volume.</param>
/// <param name="Examples">Bar starts of the first few dropped rows, in time order.</param>
public sealed record InvalidValueReport(int NonFinite, int NonPositivePrice, int NegativeVolume, IReadOnlyList<DateTime> Examples)
{
    /// <summary>Rows dropped.</summary>
    public int Dropped => NonFinite + NonPositivePrice + NegativeVolume;
}

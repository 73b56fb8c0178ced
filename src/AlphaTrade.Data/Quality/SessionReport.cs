namespace AlphaTrade.Data.Quality;

/// <summary>Bars outside the regular session, and in-session bars off the session grid.</summary>
/// <param name="PreMarket">Bars before the open on a trading day.</param>
/// <param name="PostMarket">Bars at or after the close on a trading day.</param>
/// <param name="NonTradingDay">Bars on a weekend, holiday or other closed day.</param>
/// <param name="Dropped">Off-session bars removed (all of them under <see cref="OffSessionPolicy.Drop"/>).</param>
/// <param name="Misaligned">In-session bars whose start is not a grid slot of the bar size.</param>
/// <param name="MisalignedDropped">Misaligned bars removed.</param>
/// <param name="Examples">Bar starts of the first few off-session bars, in time order.</param>
/// <param name="MisalignedExamples">Bar starts of the first few misaligned bars, in time order.</param>
public sealed record SessionReport(int PreMarket, int PostMarket, int NonTradingDay, int Dropped, int Misaligned, int MisalignedDropped,
    IReadOnlyList<DateTime> Examples, IReadOnlyList<DateTime> MisalignedExamples)
{
    /// <summary>All bars outside the regular session.</summary>
    public int OffSession => PreMarket + PostMarket + NonTradingDay;
}

namespace AlphaTrade.Data.Quality;

/// <summary>How far the file order was from time order (the output is always sorted, stably).</summary>
/// <param name="Inversions">Pairs of rows whose file order contradicts their time order.</param>
/// <param name="OutOfOrderRows">Rows earlier in time than some row above them in the file.</param>
/// <param name="Examples">Bar starts of the first few out-of-order rows, in file order.</param>
public sealed record OrderReport(long Inversions, int OutOfOrderRows, IReadOnlyList<DateTime> Examples)
{
    /// <summary>True when the file was already in time order.</summary>
    public bool WasSorted => OutOfOrderRows == 0;
}

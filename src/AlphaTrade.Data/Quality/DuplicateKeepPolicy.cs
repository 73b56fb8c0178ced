namespace AlphaTrade.Data.Quality;

/// <summary>Which row of a group sharing one timestamp survives cleaning.</summary>
public enum DuplicateKeepPolicy
{
    /// <summary>Keep the last row in file order: vendors append corrections after the row they correct.</summary>
    KeepLast = 0,

    /// <summary>Keep the first row in file order.</summary>
    KeepFirst = 1,
}

namespace Srdi.Web.Accounts;

/// <summary>Settings of the accounts, bound from the section <see cref="Section"/>.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Create the three demo accounts on start (with new random passwords each start,
    /// printed to the console), link them to the example enterprises. On for the local
    /// default; a deployment turns it off and creates its administrator with <c>--admin</c>.</summary>
    public bool SeedDemo { get; set; }

    /// <summary>Sign-in attempts allowed per client address per minute before 429.</summary>
    public int SignInPermitsPerMinute { get; set; } = 10;

    /// <summary>Failed passwords before an account is locked, and for how long.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;
}

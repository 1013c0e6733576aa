namespace Srdi.Storage.Accounts;

/// <summary>The three roles. Codes are what Identity stores and programs read; people read
/// <see cref="Chinese"/>.</summary>
public static class Roles
{
    /// <summary>An enterprise's staff: sees and changes only the enterprises linked to them.</summary>
    public const string Enterprise = "enterprise";

    /// <summary>A service officer (服务专员) of a 工信局 or 中小企业服务局: the enterprises assigned to them.</summary>
    public const string Officer = "officer";

    /// <summary>Everything, users and assignments included.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Enterprise, Officer, Admin];

    public static string Chinese(string role) => role switch
    {
        Enterprise => "企业用户",
        Officer => "服务专员",
        Admin => "管理员",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };
}

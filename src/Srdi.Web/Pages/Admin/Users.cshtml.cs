using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Srdi.Storage.Accounts;

namespace Srdi.Web.Pages.Admin;

/// <summary>One user as the administration page lists them.</summary>
public sealed record UserLine(string Id, string UserName, string DisplayName, string Roles, bool LockedOut, int Enterprises);

/// <summary>User management for administrators: create users with a role, unlock, set a new
/// password, and link users to enterprises (an enterprise user's own enterprise, or an
/// officer's assignment).</summary>
public sealed class UsersModel(UserManager<SrdiUser> users, Assignments assignments, TimeProvider clock, Hosting.ICurrentUser current) : PageModel
{
    [BindProperty] public string? NewUserName { get; set; }
    [BindProperty] public string? NewDisplayName { get; set; }
    [BindProperty] public string? NewRole { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? UserId { get; set; }
    [BindProperty] public string? EnterpriseId { get; set; }

    public IReadOnlyList<UserLine> Users { get; private set; } = [];
    public IReadOnlyList<AssignmentLine> Links { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync()
    {
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync(HttpContext.RequestAborted);
        Links = await assignments.ListAsync(cancellationToken: HttpContext.RequestAborted);
        var lines = new List<UserLine>();
        foreach (var u in all)
        {
            var roles = await users.GetRolesAsync(u);
            lines.Add(new UserLine(u.Id, u.UserName ?? "", u.DisplayName, string.Join("、", roles.Select(Roles.Chinese)),
                u.LockoutEnd is { } end && end > clock.GetUtcNow(), Links.Count(l => l.UserId == u.Id)));
        }
        Users = lines;
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var name = NewUserName?.Trim() ?? "";
        var display = NewDisplayName?.Trim() ?? "";
        if (name.Length == 0 || display.Length == 0 || NewRole is null || !Roles.All.Contains(NewRole) || string.IsNullOrEmpty(NewPassword))
            Error = "请填写登录名、姓名或单位、角色和初始密码。";
        else if (display.Length > Storage.Database.SrdiDbContext.UserLength)
            Error = "姓名或单位最多 100 个字符。";
        else
        {
            var user = new SrdiUser { UserName = name, DisplayName = display };
            var created = await users.CreateAsync(user, NewPassword);
            if (created.Succeeded) created = await users.AddToRoleAsync(user, NewRole);
            if (created.Succeeded) Message = $"已创建{Roles.Chinese(NewRole)}“{display}”（登录名 {name}）。";
            else Error = "未能创建：" + string.Join("；", created.Errors.Select(e => e.Description));
        }
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync()
    {
        if (UserId is not null && await users.FindByIdAsync(UserId) is { } user)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            Message = $"已解锁“{user.DisplayName}”。";
        }
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (UserId is not null && await users.FindByIdAsync(UserId) is { } user && !string.IsNullOrEmpty(NewPassword))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, NewPassword);
            if (result.Succeeded) Message = $"已为“{user.DisplayName}”设置新密码。";
            else Error = "未能设置密码：" + string.Join("；", result.Errors.Select(e => e.Description));
        }
        else Error = "请选择用户并填写新密码。";
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync()
    {
        var enterprise = EnterpriseId?.Trim();
        if (UserId is null || string.IsNullOrEmpty(enterprise)) Error = "请选择用户并填写企业的统一社会信用代码。";
        else if (await assignments.AssignAsync(UserId, enterprise, current.Name, HttpContext.RequestAborted)) Message = $"已将企业 {enterprise} 分配给该用户。";
        else Error = $"没有企业 {enterprise} 的档案，或用户不存在。";
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUnassignAsync()
    {
        if (UserId is not null && EnterpriseId is not null)
        {
            await assignments.RemoveAsync(UserId, EnterpriseId, HttpContext.RequestAborted);
            Message = $"已取消企业 {EnterpriseId} 的分配。";
        }
        await OnGetAsync();
        return Page();
    }
}

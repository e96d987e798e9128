package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import dev.headlesscrm.support.domain.MilestoneStatus;
import dev.headlesscrm.support.domain.ProjectMilestone;
import dev.headlesscrm.support.domain.ProjectStates;
import dev.headlesscrm.support.domain.ServiceProject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Project milestones (里程碑): added to an open service project, reached (or reopened) through their
 * actions. Every change that moves the project's counts (add, reach, reopen, delete, restore) takes
 * the project's row lock first and recounts it, through the project's version. Visible to those who
 * see the project.
 */
@ApplicationScoped
public class ProjectMilestoneService
    extends RecordService<ProjectMilestone, ProjectMilestoneView, ProjectMilestoneInput> {

  static final String RESOURCE = "project-milestone";

  @Inject ServiceProjectService projects;
  @Inject CurrentPrincipal principal;

  static final RecordDefinition<ProjectMilestone, ProjectMilestoneView, ProjectMilestoneInput>
      DEFINITION =
          RecordDefinition.of(
                  SupportResources.MILESTONES,
                  ProjectMilestone.class,
                  ProjectMilestoneView.class,
                  ProjectMilestoneInput.class)
              .own("projectId", "name")
              .build();

  @Override
  protected RecordDefinition<ProjectMilestone, ProjectMilestoneView, ProjectMilestoneInput>
      definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(ProjectMilestoneInput in, ProjectMilestone m, boolean creating) {
    if (creating) {
      projects.lockForNewChild(in.projectId());
    } else if (!Objects.equals(m.projectId, in.projectId())) {
      throw CrmException.invalidField(
          "projectId", "immutable", Text.of("A milestone stays with its project.", "里程碑所属项目不可更改。"));
    } else {
      projects.lock(m.projectId);
    }
    copy(in, m);
    m.projectId = in.projectId();
    m.name = in.name().trim();
    if (creating) {
      m.status = MilestoneStatus.PENDING;
    }
  }

  @Override
  protected void afterSave(ProjectMilestone m, boolean created) {
    if (created) {
      projects.recountMilestones(m.projectId);
    }
  }

  @Override
  protected void beforeDelete(ProjectMilestone m) {
    projects.lock(m.projectId);
  }

  @Override
  protected void afterDeletedOrRestored(ProjectMilestone m) {
    projects.recountMilestones(m.projectId);
  }

  @Override
  protected SqlFragment scope() {
    return projects.childScope();
  }

  @Override
  protected boolean visible(ProjectMilestone m) {
    return projects.sees(m.projectId);
  }

  // --- Actions -----------------------------------------------------------------------------

  /** PENDING → REACHED; the project's progress follows. */
  @Transactional
  public ProjectMilestoneView reach(UUID id) {
    return move(id, MilestoneStatus.REACHED, "reached");
  }

  /** REACHED → PENDING (marked by mistake); the project's progress follows. */
  @Transactional
  public ProjectMilestoneView reopen(UUID id) {
    return move(id, MilestoneStatus.PENDING, "reopened");
  }

  private ProjectMilestoneView move(UUID id, MilestoneStatus to, String action) {
    // The project first (as every change of its milestones and hours), then the milestone.
    ServiceProject project = projects.lock(projectOf(id));
    ProjectMilestone m = forUpdate(id);
    ProjectStates.MILESTONE.act(m.status, to);
    projects.requireOpen(project);
    UUID by = principal.resolve().id();
    ProjectMilestoneView after =
        act(
            m,
            action,
            x -> {
              x.status = to;
              x.reachedAt = to == MilestoneStatus.REACHED ? now() : null;
              x.reachedBy = to == MilestoneStatus.REACHED ? by : null;
            });
    projects.recountMilestones(m.projectId);
    return after;
  }

  private UUID projectOf(UUID id) {
    @SuppressWarnings("unchecked")
    List<UUID> rows =
        em.createNativeQuery("SELECT project_id FROM project_milestones WHERE id = ?1", UUID.class)
            .setParameter(1, id)
            .getResultList();
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** The milestone a time entry names: one of the project's live milestones (422 otherwise). */
  void requireOfProject(UUID milestoneId, UUID projectId) {
    ProjectMilestone m = em.find(ProjectMilestone.class, milestoneId);
    if (m == null || m.isDeleted() || !m.projectId.equals(projectId)) {
      throw CrmException.invalidField(
          "milestoneId", "not-found", Text.of("No such milestone of the project.", "该项目没有此里程碑。"));
    }
  }
}

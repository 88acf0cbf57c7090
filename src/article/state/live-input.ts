/**
 * The reader's input to the live model: the density slider (a drag shows as it goes and commits
 * on release; a burst of key presses commits once) and the advanced settings form (validated
 * field by field; nothing trains on an invalid value). A commit writes one history entry and
 * starts one retrain, through the `actions` the article gives it.
 */
import type { ReactiveControllerHost } from 'lit';
import { appliedSettings, checkSetting, checkSettings, SETTING_FIELDS, type SettingName } from './advanced-settings';
import { KeyCommit } from './density-slider';
import type { SweepBudget } from './budget';
import type { LiveSettings } from './live-settings';

/** What one commit may change: live settings and, for an older link's one-click move to today's recipe, Figure 1's budget. */
export type LiveCommit = Partial<LiveSettings> & { readonly budget?: SweepBudget };

export interface LiveInputActions {
  /** Shows settings without committing them (the slider while it moves). */
  show(patch: Partial<LiveSettings>): void;
  /** Commits settings: one history entry and a retrain. */
  commit(patch: LiveCommit): void;
}

export class LiveInput {
  /** The advanced settings form's refusals, shown beside their fields. */
  settingErrors: Partial<Record<SettingName, string>> = {};
  /**
   * Counts navigations (Back, Forward, opening a link). The form is drawn anew for each, so what a
   * reader typed and did not apply gives way to the settings of the entry they went to.
   */
  navigations = 0;
  /** The density in the URL: a slider release or key burst that ends where it started commits nothing. */
  private committedDensity: number;
  private readonly keyCommit = new KeyCommit((density) => this.commitDensity(density));

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly actions: LiveInputActions,
    /** The settings the form applies on top of. */
    private readonly current: () => LiveSettings,
    density = Number.NaN,
  ) {
    this.committedDensity = density;
  }

  /** After a navigation (or on leaving the page): the URL's density, no key burst waiting, no refusals, no draft in the form. */
  reset(density: number): void {
    this.navigations++;
    this.keyCommit.cancel();
    this.committedDensity = density;
    this.settingErrors = {};
  }

  /** While dragging only the display follows; the URL and history change on release. */
  readonly onSliderInput = (density: number): void => {
    this.actions.show({ density });
  };

  /** A release commits at once, and supersedes a key burst still waiting. */
  readonly onSliderCommit = (density: number): void => {
    this.keyCommit.cancel();
    this.commitDensity(density);
  };

  readonly onSliderKey = (density: number): void => {
    this.onSliderInput(density);
    this.keyCommit.schedule(density);
  };

  readonly onSliderBlur = (): void => this.keyCommit.flush();

  /** One history entry and one retrain per committed density, none when it is the one already in the URL. */
  private commitDensity(density: number): void {
    if (density === this.committedDensity) {
      this.actions.show({ density });
      return;
    }
    this.committedDensity = density;
    this.actions.commit({ density });
  }

  /** Commits settings chosen by a control of their own (one history entry and a retrain). */
  commitSettings(patch: LiveCommit): void {
    this.keyCommit.cancel();
    this.actions.commit(patch);
  }

  /** Applies the form only when every field is valid; otherwise each refusal shows beside its field and nothing trains. */
  readonly onAdvancedApply = (form: HTMLFormElement): void => {
    const read = (name: SettingName) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value ?? null;
    const { settings, errors } = checkSettings(read);
    this.settingErrors = errors;
    this.host.requestUpdate();
    if (!settings) {
      const first = SETTING_FIELDS.find((field) => errors[field.name]);
      void this.host.updateComplete.then(() => form.querySelector<HTMLInputElement>(`input[name="${first?.name}"]`)?.focus());
      return;
    }
    this.keyCommit.cancel();
    this.actions.commit(appliedSettings(this.current(), settings));
  };

  /**
   * Rechecks a refused field as the reader edits it, so its message goes as soon as the value is
   * valid. Fields are first checked on Apply, not on leaving them: a message appearing as the
   * reader leaves a field for the Apply button would move the button under their pointer.
   */
  readonly onSettingInput = (input: HTMLInputElement): void => {
    const field = SETTING_FIELDS.find((f) => f.name === input.name);
    if (!field || !this.settingErrors[field.name]) return;
    const check = checkSetting(field, input.value);
    const { [field.name]: _refused, ...rest } = this.settingErrors;
    this.settingErrors = check.ok ? rest : { ...rest, [field.name]: check.error };
    this.host.requestUpdate();
  };
}

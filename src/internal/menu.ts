/**
 * Menu buttons after the WAI-ARIA APG pattern, shared by every element with
 * an actions menu. One menu (and at most one submenu) is open at a time; it
 * lives in the top layer as a popover, so no scroll container clips it.
 *
 * Keys: on the button, Enter / Space / ↓ open on the first item and ↑ on the
 * last; in the menu, ↑ ↓ Home End move, a letter jumps to the next item
 * starting with it, Enter / Space choose, → opens a submenu and ← / Escape
 * close it, Escape closes the menu and Tab leaves it, focus back on the button.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

export interface MenuItem {
  id: string;
  label: string;
  disabled?: boolean;
  /** Items of a submenu; the item itself then only opens it. */
  items?: MenuItem[];
}

interface OpenMenu {
  key: string;
  trigger: HTMLElement;
  items: MenuItem[];
  focus: number;
  sub: { parent: number; items: MenuItem[]; focus: number } | null;
}

type Host = ReactiveControllerHost & HTMLElement;

export class MenuController implements ReactiveController {
  readonly #host: Host;
  readonly #onSelect: (id: string, key: string) => void;
  readonly #id: string;
  #open: OpenMenu | null = null;
  #focusPending = false;

  constructor(host: Host, id: string, onSelect: (id: string, key: string) => void) {
    this.#host = host;
    this.#id = id;
    this.#onSelect = onSelect;
    host.addController(this);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#outside, true);
    this.#open = null;
  }

  hostUpdated(): void {
    const root = this.#host.shadowRoot;
    if (!root) return;
    const menu = root.getElementById(this.#id);
    const sub = root.getElementById(`${this.#id}-sub`);
    if (!this.#open || !menu) return;
    this.#show(menu, this.#open.trigger.getBoundingClientRect(), 'below');
    if (sub && this.#open.sub) {
      const parentItem = menu.querySelectorAll<HTMLElement>('[role=menuitem]')[this.#open.sub.parent];
      if (parentItem) this.#show(sub, parentItem.getBoundingClientRect(), 'beside');
    }
    if (this.#focusPending) {
      this.#focusPending = false;
      const target = this.#open.sub ? sub : menu;
      const index = this.#open.sub ? this.#open.sub.focus : this.#open.focus;
      target?.querySelectorAll<HTMLElement>('[role=menuitem]')[index]?.focus();
    }
  }

  /** Places a popover next to `anchor`, inside the viewport. Custom properties, not a style attribute: strict CSP. */
  #show(popover: HTMLElement, anchor: DOMRect, where: 'below' | 'beside'): void {
    if (!popover.matches(':popover-open')) popover.showPopover();
    const { width, height } = popover.getBoundingClientRect();
    let left = where === 'below' ? anchor.right - width : anchor.right;
    let top = where === 'below' ? anchor.bottom + 4 : anchor.top;
    if (where === 'beside' && left + width > innerWidth) left = anchor.left - width;
    if (top + height > innerHeight) top = Math.max(4, (where === 'below' ? anchor.top - 4 : anchor.bottom) - height);
    popover.style.setProperty('--_menu-left', `${Math.max(4, left)}px`);
    popover.style.setProperty('--_menu-top', `${top}px`);
  }

  isOpen(key: string): boolean {
    return this.#open?.key === key;
  }

  open(trigger: HTMLElement, key: string, items: MenuItem[], focus: 'first' | 'last' = 'first'): void {
    this.#open = { key, trigger, items, focus: focus === 'first' ? 0 : items.length - 1, sub: null };
    this.#focusPending = true;
    document.addEventListener('pointerdown', this.#outside, true);
    this.#host.requestUpdate();
  }

  close(returnFocus = true): void {
    const open = this.#open;
    if (!open) return;
    this.#open = null;
    document.removeEventListener('pointerdown', this.#outside, true);
    const root = this.#host.shadowRoot;
    for (const id of [this.#id, `${this.#id}-sub`]) {
      const popover = root?.getElementById(id);
      if (popover?.matches(':popover-open')) popover.hidePopover();
    }
    if (returnFocus) open.trigger.focus();
    this.#host.requestUpdate();
  }

  /** Click on a menu button: open, or close when it is the open one. */
  toggle(event: Event, key: string, items: MenuItem[]): void {
    if (this.isOpen(key)) this.close();
    else this.open(event.currentTarget as HTMLElement, key, items);
  }

  /** Keys on a menu button. */
  triggerKeydown(event: KeyboardEvent, key: string, items: MenuItem[]): void {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.open(event.currentTarget as HTMLElement, key, items, 'first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      this.open(event.currentTarget as HTMLElement, key, items, 'last');
    }
  }

  #outside = (event: PointerEvent) => {
    const path = event.composedPath();
    const root = this.#host.shadowRoot;
    const inside = [root?.getElementById(this.#id), root?.getElementById(`${this.#id}-sub`), this.#open?.trigger];
    if (!inside.some((element) => element && path.includes(element))) this.close(false);
  };

  #move(list: { focus: number }, items: MenuItem[], to: number): void {
    list.focus = (to + items.length) % items.length;
    this.#focusPending = true;
    this.#host.requestUpdate();
  }

  #choose(item: MenuItem, index: number): void {
    const open = this.#open!;
    if (item.disabled) return;
    if (item.items) {
      open.sub = { parent: index, items: item.items, focus: 0 };
      this.#focusPending = true;
      this.#host.requestUpdate();
      return;
    }
    const key = open.key;
    this.close();
    this.#onSelect(item.id, key);
  }

  #keydown(event: KeyboardEvent, inSub: boolean): void {
    const open = this.#open;
    if (!open) return;
    const list = inSub && open.sub ? open.sub : open;
    const items = list.items;
    const handled = true;
    switch (event.key) {
      case 'ArrowDown':
        this.#move(list, items, list.focus + 1);
        break;
      case 'ArrowUp':
        this.#move(list, items, list.focus - 1);
        break;
      case 'Home':
        this.#move(list, items, 0);
        break;
      case 'End':
        this.#move(list, items, items.length - 1);
        break;
      case 'Enter':
      case ' ':
        this.#choose(items[list.focus]!, list.focus);
        break;
      case 'ArrowRight':
        if (!inSub && items[list.focus]?.items) this.#choose(items[list.focus]!, list.focus);
        break;
      case 'ArrowLeft':
        if (inSub) this.#closeSub();
        break;
      case 'Escape':
        if (inSub) this.#closeSub();
        else this.close();
        break;
      case 'Tab':
        this.close();
        break;
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        const letter = event.key.toLowerCase();
        for (let step = 1; step <= items.length; step++) {
          const index = (list.focus + step) % items.length;
          if (items[index]!.label.toLowerCase().startsWith(letter)) {
            this.#move(list, items, index);
            break;
          }
        }
      }
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  #closeSub(): void {
    const open = this.#open!;
    open.sub = null;
    const popover = this.#host.shadowRoot?.getElementById(`${this.#id}-sub`);
    if (popover?.matches(':popover-open')) popover.hidePopover();
    this.#focusPending = true;
    this.#host.requestUpdate();
  }

  #renderItems(items: MenuItem[], inSub: boolean, expandedIndex: number | null): TemplateResult {
    return html`${repeat(
      items,
      (item) => item.id,
      (item, index) =>
        html`<button
          type="button"
          role="menuitem"
          tabindex="-1"
          part="menu-item"
          aria-disabled=${item.disabled ? 'true' : 'false'}
          aria-haspopup=${item.items ? 'menu' : nothing}
          aria-expanded=${item.items ? (expandedIndex === index ? 'true' : 'false') : nothing}
          data-id=${item.id}
          @click=${() => this.#choose(item, index)}
          @mouseenter=${(event: Event) => (event.currentTarget as HTMLElement).focus()}
          @focus=${() => {
            const open = this.#open;
            if (!open) return;
            if (inSub && open.sub) open.sub.focus = index;
            else if (!inSub) open.focus = index;
          }}
        >
          <span>${item.label}</span>${item.items ? html`<span aria-hidden="true">▸</span>` : nothing}
        </button>`,
    )}`;
  }

  /** The popovers; render once, anywhere in the host's shadow root. `label` names the menu. */
  render(label: string): TemplateResult {
    const open = this.#open;
    return html`
      <div
        id=${this.#id}
        class="menu"
        role="menu"
        aria-label=${label}
        popover="manual"
        part="menu"
        @keydown=${(event: KeyboardEvent) => this.#keydown(event, false)}
      >
        ${open ? this.#renderItems(open.items, false, open.sub?.parent ?? null) : nothing}
      </div>
      <div
        id="${this.#id}-sub"
        class="menu"
        role="menu"
        aria-label=${open?.sub ? open.items[open.sub.parent]!.label : label}
        popover="manual"
        part="menu"
        @keydown=${(event: KeyboardEvent) => this.#keydown(event, true)}
      >
        ${open?.sub ? this.#renderItems(open.sub.items, true, null) : nothing}
      </div>
    `;
  }
}

export { menuStyles } from './menu.styles.js';
